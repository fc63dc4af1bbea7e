namespace CertificateInquiry.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding CertificateInquiry.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>docs/screenshots, created if missing.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "docs", "screenshots")).FullName;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CertificateInquiry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CertificateInquiry.sln not found above " + AppContext.BaseDirectory);
    }
}
