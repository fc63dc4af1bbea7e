namespace CertificateInquiry.TestSupport;

/// <summary>The checkout the tests run from: the folder holding CertificateInquiry.sln, found by walking up from the test binaries.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the checkout, e.g. <c>SourceTree.Path("src", "CertificateInquiry.Web")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CertificateInquiry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CertificateInquiry.sln not found above " + AppContext.BaseDirectory);
    }
}
