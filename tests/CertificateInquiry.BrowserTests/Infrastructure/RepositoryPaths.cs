namespace CertificateInquiry.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding CertificateInquiry.sln, found by walking up from the test binaries.</summary>
    public static string Root => SourceTree.Root;

    /// <summary>docs/screenshots, created if missing.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "docs", "screenshots")).FullName;

}
