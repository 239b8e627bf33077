//! Why a file was not read, in Chinese and English.

use std::fmt;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`crate::Limits::max_file`].
    TooLarge { limit_mb: usize },
    /// A zip whose entries would unpack beyond the limits: a zip bomb, or far more than a
    /// disclosure.
    ZipBomb,
    /// A workbook or document protected by a password.
    Encrypted,
    /// A damaged file: a zip or workbook that cannot be read, with the reader's detail.
    Damaged(String),
    /// A zip that is neither a workbook nor a Word document.
    UnknownZip,
    /// A Word 97–2003 document (`.doc`).
    Word97,
    /// A WPS 文字 document in its own format (`.wps`).
    WpsWriter,
    /// A WPS 表格 workbook in its own format (`.et`).
    WpsSheet,
    /// A workbook without a filled cell in any visible sheet.
    EmptyWorkbook,
    /// A workbook none of whose sheets is a disclosure table (told by core, after reading).
    NoDisclosureTables,
    /// Neither text in an encoding that could be told, nor an office file.
    NotText,
}

impl ImportError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ImportError::TooLarge { limit_mb } => format!("文件超过 {limit_mb} MB，未读取"),
            ImportError::ZipBomb => "压缩内容过大或条目过多（可能是压缩炸弹），未读取".to_string(),
            ImportError::Encrypted => "文件设有密码（已加密），无法读取；请取消密码后另存再试".to_string(),
            ImportError::Damaged(detail) => format!("文件已损坏，无法读取（{detail}）"),
            ImportError::UnknownZip => "是压缩包，但不是 Excel 工作簿或 Word 文档".to_string(),
            ImportError::Word97 => {
                "是 Word 97–2003 文档（.doc），无法读取；请在 Word 或 WPS 中“另存为”Word 文档（.docx）".to_string()
            }
            ImportError::WpsWriter => {
                "是 WPS 文字文档（.wps），无法读取；请在 WPS 中“另存为”Word 文档（.docx）".to_string()
            }
            ImportError::WpsSheet => {
                "是 WPS 表格文件（.et），无法读取；请在 WPS 中“另存为”Excel 工作簿（.xlsx）".to_string()
            }
            ImportError::EmptyWorkbook => "工作簿是空的：没有可见的工作表含有内容".to_string(),
            ImportError::NoDisclosureTables => "工作簿中没有识别出决算或预算公开表格".to_string(),
            ImportError::NotText => "不是文本，也不是 Excel 或 Word 文件；无法判断其编码".to_string(),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            ImportError::TooLarge { limit_mb } => format!("larger than {limit_mb} MB: not read"),
            ImportError::ZipBomb => "unpacks too large or into too many entries (a zip bomb?): not read".to_string(),
            ImportError::Encrypted => {
                "password-protected (encrypted): remove the password, save and try again".to_string()
            }
            ImportError::Damaged(detail) => format!("damaged file, cannot be read ({detail})"),
            ImportError::UnknownZip => "a zip archive, but not an Excel workbook or Word document".to_string(),
            ImportError::Word97 => {
                "a Word 97–2003 document (.doc), which is not read: in Word or WPS, “Save As” a Word document (.docx)"
                    .to_string()
            }
            ImportError::WpsWriter => {
                "a WPS Writer document (.wps), which is not read: in WPS, “Save As” a Word document (.docx)".to_string()
            }
            ImportError::WpsSheet => {
                "a WPS Spreadsheets file (.et), which is not read: in WPS, “Save As” an Excel workbook (.xlsx)"
                    .to_string()
            }
            ImportError::EmptyWorkbook => "an empty workbook: no visible sheet has content".to_string(),
            ImportError::NoDisclosureTables => {
                "no final-accounts or budget disclosure table found in the workbook".to_string()
            }
            ImportError::NotText => "neither text nor an Excel or Word file; its encoding cannot be told".to_string(),
        }
    }
}

/// Both languages: `zh (en)`.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.zh(), self.en())
    }
}

impl std::error::Error for ImportError {}
