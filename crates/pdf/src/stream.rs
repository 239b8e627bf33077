//! A stream's decoded bytes within a size limit. Flate, what producers write, is inflated with
//! the limit applied as it goes, so a small stream that would inflate to gigabytes (a "zip bomb")
//! is refused before it fills memory; other filters are decoded by `hayro-syntax` and checked after.

use hayro_syntax::object::{Dict, Stream};
use hayro_syntax::Filter;
use miniz_oxide::inflate::{self, TINFLStatus};

/// Why a stream gave no bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// It decodes to more than the limit.
    TooLarge,
    /// It cannot be decoded (an image filter, or damaged data).
    Unreadable,
}

/// `stream`'s bytes with its filters applied, at most `limit` of them.
pub(crate) fn decoded(stream: &Stream, limit: usize) -> Result<Vec<u8>, Refused> {
    let filters = stream.filters();
    let filters = match filters.as_slice() {
        [Filter::Crypt, rest @ ..] => rest,
        all => all,
    };
    let data = match filters {
        [] => stream.raw_data().into_owned(),
        [Filter::FlateDecode] if !predicted(stream.dict()) => {
            inflated(&stream.raw_data(), limit).or_else(|refused| match refused {
                Refused::TooLarge => Err(refused),
                // Damaged deflate data that hayro's lenient inflater may still read.
                Refused::Unreadable => {
                    stream.decoded_data().map(|data| data.into_owned()).map_err(|_| Refused::Unreadable)
                }
            })?
        }
        _ => stream.decoded_data().map_err(|_| Refused::Unreadable)?.into_owned(),
    };
    if data.len() > limit {
        return Err(Refused::TooLarge);
    }
    Ok(data)
}

/// Whether a `DecodeParms` predictor applies (content streams have none; images and xref streams do).
fn predicted(dict: &Dict) -> bool {
    dict.get::<Dict>(b"DecodeParms")
        .and_then(|params| params.get::<i32>(b"Predictor"))
        .is_some_and(|predictor| predictor > 1)
}

/// zlib data (or raw deflate, as some producers write) inflated, refused past `limit` bytes.
fn inflated(data: &[u8], limit: usize) -> Result<Vec<u8>, Refused> {
    let read = |result: Result<Vec<u8>, inflate::DecompressError>| match result {
        Ok(data) => Ok(data),
        Err(error) => match error.status {
            TINFLStatus::HasMoreOutput => Err(Refused::TooLarge),
            // A wrong checksum after complete data, as some producers write.
            TINFLStatus::Adler32Mismatch => Ok(error.output),
            _ => Err(Refused::Unreadable),
        },
    };
    read(inflate::decompress_to_vec_zlib_with_limit(data, limit)).or_else(|first| match first {
        Refused::TooLarge => Err(first),
        Refused::Unreadable => read(inflate::decompress_to_vec_with_limit(data, limit)),
    })
}

#[cfg(test)]
mod tests {
    use miniz_oxide::deflate::{compress_to_vec, compress_to_vec_zlib};

    use super::*;

    #[test]
    fn inflates_zlib_raw_deflate_and_a_wrong_checksum_within_the_limit() {
        let text = b"BT /F1 10 Tf (Hi) Tj ET".repeat(100);
        let zlib = compress_to_vec_zlib(&text, 6);
        assert_eq!(inflated(&zlib, text.len()), Ok(text.clone()));
        assert_eq!(inflated(&compress_to_vec(&text, 6), text.len()), Ok(text.clone()));
        let mut wrong_checksum = zlib.clone();
        *wrong_checksum.last_mut().unwrap() ^= 0xff;
        assert_eq!(inflated(&wrong_checksum, text.len()), Ok(text.clone()));
        assert_eq!(inflated(&zlib, text.len() - 1), Err(Refused::TooLarge));
        assert_eq!(inflated(b"not deflate data", 1000), Err(Refused::Unreadable));
    }
}
