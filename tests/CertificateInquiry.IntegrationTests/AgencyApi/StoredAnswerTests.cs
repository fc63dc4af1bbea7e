using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>
/// <c>GET /api/v1/inquiries/{inquiryId}</c>: the agency that asked gets its signed answer again, in the moment after
/// the answer (from the server's memory) and once the audit writer has stored it (from the database); to any other
/// agency, and for any made-up id, it does not exist.
/// </summary>
public sealed class StoredAnswerTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task The_asking_agency_gets_its_signed_answer_again_before_and_after_it_is_stored_and_no_one_else_does()
    {
        var asker = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);
        var other = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify | AgencyScopes.Batch);
        var answer = await (await asker.InquireAsync(AgencyApiClients.Query("0076543218", "1401-08-000101"))).JsonAsync();
        var inquiryId = answer.GetProperty("inquiryId").GetString()!;
        var signed = answer.GetProperty("signedAnswer").GetString()!;
        var location = "/api/v1/inquiries/" + inquiryId;

        await AssertGivenAgainAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);

        var recent = portal.Services.GetRequiredService<RecentAnswers>();
        await Poll.UntilAsync(() => Task.FromResult(recent.PendingCount == 0), "the audit writer storing the answer");
        await AssertGivenAgainAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);

        foreach (var madeUp in new[] { new string('0', 32), inquiryId.ToUpperInvariant(), inquiryId + "0", "..%2F..%2Fetc", "%E2%80%8F" + inquiryId })
        {
            using var response = await asker.GetAsync("/api/v1/inquiries/" + madeUp);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        async Task AssertGivenAgainAsync()
        {
            using var response = await asker.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var stored = await response.JsonAsync();
            Assert.True(stored.GetProperty("genuine").GetBoolean());
            Assert.Equal(signed, stored.GetProperty("signedAnswer").GetString());
            Assert.Equal("verified", stored.GetProperty("answer").GetProperty("outcome").GetString());
        }
    }
}
