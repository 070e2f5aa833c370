import Foundation
import ZIPFoundation

/// Unpacks one part of a zipped spreadsheet (`.xlsx`, `.ods`), refusing a part that unpacks
/// to more than `limit` bytes: a budget sheet is a few megabytes, and a part far larger is a
/// damaged file or a zip bomb that would exhaust memory (and crash the XML parser past 2 GB).
enum ZipPart {
    /// 200 MB: forty times the export of 10,000 activities (its sheet part is about 5 MB).
    static let limit = 200 << 20

    /// The bytes of `path` in `archive`, nil when it has no such part. `saveAs` names the
    /// format to save again as (".xlsx", ".ods or .xlsx").
    static func read(_ archive: Archive, _ path: String, saveAs: String, limit: Int = limit) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        let tooLarge = SheetError("the spreadsheet's part \(path) unpacks to more than \(limit >> 20) MB, far more than a budget sheet holds: the file is damaged or not a real spreadsheet; open it in Excel or LibreOffice and save it again as \(saveAs)")
        if entry.uncompressedSize > UInt64(limit) { throw tooLarge }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw tooLarge }
                data.append(chunk)
            }
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError("the spreadsheet is damaged: its part \(path) cannot be unpacked; save it again as \(saveAs)")
        }
        return data
    }
}
