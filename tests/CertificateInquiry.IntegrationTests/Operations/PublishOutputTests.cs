using System.Text.Json;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>
/// What <c>dotnet publish</c> would copy, asked of MSBuild itself (the publish list, without building or copying):
/// the Development settings, with the demo staff password, never reach a server.
/// </summary>
public sealed class PublishOutputTests
{
    [Fact]
    public void The_published_site_holds_the_production_settings_but_not_the_development_ones()
    {
        var published = FilesToPublish();

        Assert.Contains("appsettings.json", published);
        Assert.Contains("appsettings.Production.json", published);
        Assert.DoesNotContain("appsettings.Development.json", published);
        Assert.DoesNotContain(published, file => file.Contains("launchSettings", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> FilesToPublish()
    {
        var project = Path.Combine(SourceTree.Root, "src", "CertificateInquiry.Web", "CertificateInquiry.Web.csproj");
        var msbuild = ProcessRunner.Run("dotnet",
            ["msbuild", project, "-nologo", "-target:ComputeResolvedFilesToPublishList", "-getItem:ResolvedFileToPublish"]);
        Assert.True(msbuild.ExitCode == 0, $"MSBuild exited with {msbuild.ExitCode}: {msbuild.Output} {msbuild.Errors}");

        using var json = JsonDocument.Parse(msbuild.Output);
        return [.. json.RootElement.GetProperty("Items").GetProperty("ResolvedFileToPublish").EnumerateArray()
            .Select(item => item.GetProperty("RelativePath").GetString()!.Replace('\\', '/'))];
    }

}
