import Foundation
import IndsatsModel

/// A file of the finished site: its path under the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// What a build makes besides the pages themselves.
public struct RenderOptions: Sendable {
    /// Annexes and reports get a PDF beside their page (printed after writing) and a link to it.
    public var pdf: Bool

    public init(pdf: Bool = false) {
        self.pdf = pdf
    }
}

/// Renders every page of a validated site through the templates, in parallel.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    public let builder: PageBuilder

    public init(content: SiteContent, templates: TemplateSet, options: RenderOptions = RenderOptions()) {
        self.templates = templates
        self.builder = PageBuilder(site: SiteIndex(content), options: options)
    }

    public func render() -> [OutputFile] {
        let pages = builder.pages()
        var files = ParallelMap.map(pages) { page in
            let html = templates.render(builder.pageContext(for: page), with: page.template)
            return OutputFile(path: page.path, data: Data(html.utf8))
        }
        let data = ProjectBankData(builder: builder)
        files += data.files()
        files += BarometerData(builder: builder).files()
        files += builder.site.content.reports.flatMap { ReportData(builder: builder, report: $0).files() }
        if let base = data.baseURL {
            files.append(OutputFile(path: SitePaths.sitemap, data: Data(ProjectBankData.sitemap(pages, base: base).utf8)))
        }
        return files
    }
}
