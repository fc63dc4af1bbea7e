using System.Net;
using CertificateInquiry.Web.Domain.Requests;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>
/// Runs alone: Serilog's static logger belongs to the portal built last, so log events are only reliably this portal's
/// when no other portal starts meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialLogCollection
{
    public const string Name = "Serial: captured log";
}

[Collection(SerialLogCollection.Name)]
public sealed class RefusalLoggingTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    [Fact]
    public async Task A_refused_request_is_logged_as_a_warning_with_the_user_and_the_request()
    {
        var id = (await portal.SeedAsync(RequestStatus.UnderReview)).Id;
        var outsider = await portal.SignedInAsync(IsfahanExpert);

        var response = await outsider.Client.GetAsync(CasePages.Path(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var userId = portal.User(IsfahanExpert).Id;
        var warnings = portal.Log.Events.Where(e => e.Level == Serilog.Events.LogEventLevel.Warning).Select(e => e.Message).ToList();
        Assert.True(warnings.Any(m => m.Contains(userId, StringComparison.Ordinal) && m.Contains($"was refused request {id} ", StringComparison.Ordinal)),
            string.Join("\n", warnings));
    }
}
