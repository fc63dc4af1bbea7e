using System.Net;
using System.Text;
using System.Text.Json;
using CertificateInquiry.IntegrationTests.AgencyApi;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>
/// <c>create-agency-client</c> run as the real executable against a portal's database: one JSON object on standard
/// output whose pair buys a token from that portal; usage errors exit 2 in Persian and English with nothing on standard
/// output; only a hash of the secret is stored.
/// </summary>
public sealed class CreateAgencyClientCommandTests : IDisposable
{
    private readonly KeptPortal portal = new();

    public void Dispose()
    {
        portal.Dispose();
        Directory.Delete(portal.Folder, recursive: true);
    }

    private async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        _ = portal.Services; // the portal's database file is in place (a copy of the migrated template)
        return await ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"), "create-agency-client", .. arguments],
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = portal.ConnectionString,
                ["Database__DataFolder"] = portal.Folder,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["PWD"] = null,
            },
            workingDirectory: portal.Folder);
    }

    [Fact]
    public async Task Prints_one_json_object_whose_pair_gets_a_token_from_the_portal_and_stores_only_a_hash()
    {
        var result = await RunAsync(
            "--name", "قوه قضاييه", "--kind", "government", "--scopes", "inquiry.verify,inquiry.person", "--quota", "۲۵۰۰",
            "--expires", "1499/12/29", "--contact-email", "api@judiciary.example");

        Assert.True(result.ExitCode == 0, result.Errors);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(["client_id", "client_secret"], json.EnumerateObject().Select(p => p.Name));
        var clientId = json.GetProperty("client_id").GetString()!;
        var secret = json.GetProperty("client_secret").GetString()!;
        Assert.Contains("registered", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Errors, StringComparison.Ordinal);

        var token = await Tokens.RequestAsync(portal.CreateClient(), clientId, secret);
        Assert.True(token.Status == HttpStatusCode.OK, token.Text);
        Assert.Equal(["inquiry.person", "inquiry.verify"], Tokens.Scopes(token.AccessToken!));

        // The acceptance's first line: with that token the agency verifies an imported certificate over the API.
        await portal.WithServicesAsync(services => services.GetRequiredService<CertificateImporter>()
            .ImportAsync(new MemoryStream(ImportFiles.Csv(ImportFiles.Row("1402-04-900001"))), RecordSource.Imported, CancellationToken.None));
        var api = portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        var answer = await (await api.InquireAsync(AgencyApiClients.Query("1270123459", "1402-04-900001"))).JsonAsync();
        Assert.Equal("verified", answer.GetProperty("outcome").GetString());

        var agency = await portal.WithDatabaseAsync(db => db.AgencyClients.AsNoTracking().Include(c => c.Secrets).SingleAsync(c => c.ClientId == clientId));
        Assert.Equal("قوه قضاییه", agency.Name); // Arabic ي normalized
        Assert.Equal(AgencyKind.Government, agency.Kind);
        Assert.Equal(2500, agency.DailyRowQuota);
        Assert.Equal(JalaliDate.Create(1499, 12, 29), agency.ExpiresOn);
        var stored = Assert.Single(agency.Secrets);
        Assert.NotEqual(secret, stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash, StringComparison.Ordinal);

        portal.Dispose(); // the database file closed, then read byte by byte
        var bytes = Encoding.ASCII.GetBytes(secret);
        foreach (var file in Directory.GetFiles(portal.Folder, "portal.db*"))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(bytes) < 0, $"the secret is in {Path.GetFileName(file)}");
        }
    }

    [Theory]
    [InlineData("--kind", "Government", "--scopes", "inquiry.verify", "--quota", "10")] // no --name
    [InlineData("--name", "بانک ملی", "--kind", "Other", "--scopes", "inquiry.verify", "--quota", "10")]
    [InlineData("--name", "بانک ملی", "--kind", "1", "--scopes", "inquiry.verify", "--quota", "10")]
    [InlineData("--name", "بانک ملی", "--kind", "Business", "--scopes", "admin", "--quota", "10")]
    [InlineData("--name", "بانک ملی", "--kind", "Business", "--scopes", "", "--quota", "10")]
    [InlineData("--name", "بانک ملی", "--kind", "Business", "--scopes", "inquiry.verify", "--quota", "0")]
    [InlineData("--name", "بانک ملی", "--kind", "Business", "--scopes", "inquiry.verify", "--quota", "abc")]
    [InlineData("--name", "بانک ملی", "--kind", "Business", "--scopes", "inquiry.verify", "--quota", "-5")]
    [InlineData("--name", "بانک ملی", "--kind", "Business", "--scopes", "inquiry.verify", "--quota", "99999999999")]
    [InlineData("--name", "بانک ملی", "--kind", "Business", "--scopes", "inquiry.verify", "--quota", "10", "--expires", "1399/13/40")]
    [InlineData("--name", "ب", "--kind", "Business", "--scopes", "inquiry.verify", "--quota", "10")]
    public async Task A_usage_error_exits_2_in_persian_and_english_with_nothing_on_standard_output(params string[] arguments)
    {
        var result = await RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Matches("[\u0600-\u06FF]", result.Errors);
        Assert.Matches("[A-Za-z]{4,}", result.Errors);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.AgencyClients.CountAsync()));
    }

    [Fact]
    public async Task An_expiry_in_the_past_exits_1_and_registers_nothing()
    {
        var result = await RunAsync("--name", "بانک ملی", "--kind", "Business", "--scopes", "batch", "--quota", "10", "--expires", "1400/01/01");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("--expires is in the past", result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.AgencyClients.CountAsync()));
    }

    /// <summary>The portal whose folder outlives it, so that its database file can be read once it is closed.</summary>
    private sealed class KeptPortal : PortalFactory
    {
        protected override bool DeleteFolderOnDispose => false;
    }
}
