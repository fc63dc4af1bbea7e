using System.Text.Json;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Signing;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// One agency inquiry from end to end, for the API and the agency portal's form: check and normalize, take a row of
/// the agency's daily quota, find, answer, sign, and audit (agency, purpose, case reference, officer, a keyed hash of
/// the national code, the signed answer). Invalid input takes no quota and is audited as invalid.
/// </summary>
public sealed class AgencyInquiries(
    AgencyFinder finder,
    AgencyQuota quota,
    AnswerSigner signer,
    RecentAnswers recent,
    InquiryAudit audit,
    PublicAddress publicAddress,
    TimeProvider clock,
    ILogger<AgencyInquiries> logger)
{
    public async Task<AgencyInquiryResult> AskAsync(HttpContext http, AgencyCaller caller, InquiryInput input, InquiryChannel channel, CancellationToken cancellationToken)
    {
        var errors = new List<ApiFieldError>();
        var query = AgencyQueryRules.Check(
            input.NationalCode, input.CertificateNumber, input.FirstName, input.LastName, caller.Has(AgencyScopes.Person), errors);
        var context = InquiryContextRules.Read(http.Request, input.Purpose, input.CaseReference, input.OfficerId, errors) is { } read
            ? read with { Confidential = input.Confidential ?? false }
            : null;
        if (context is null || query is null)
        {
            audit.RecordAgency(http, channel, InquiryOutcome.Invalid, null, new AgencyAuditFields(caller.Agency.Id, context?.Purpose, context?.CaseReference, context?.OfficerId, null));
            logger.InquiryRefused(caller.Agency.Id, string.Join(',', errors.Select(e => e.Code).Distinct()));
            return new AgencyInquiryResult(null, null, ApiProblem.InvalidInput(errors));
        }

        if (!await quota.TryTakeAsync(caller.Agency, 1, cancellationToken))
        {
            logger.QuotaSpent(caller.Agency.Id);
            return new AgencyInquiryResult(null, null,
                ApiProblem.TooManyRequests("This client's daily quota of inquiry rows is spent; it starts again at midnight, Iran time."), quota.SecondsUntilTomorrow());
        }

        var finding = await finder.FindAsync(query);
        var answer = new InquiryAnswer(
            Guid.CreateVersion7().ToString("N"),
            publicAddress.Address.GetLeftPart(UriPartial.Authority),
            clock.GetUtcNow(),
            caller.Agency.ClientId,
            InquiryContextRules.WireName(context.Purpose),
            context.CaseReference,
            context.OfficerId,
            query.NationalCode,
            query.CertificateNumber,
            finding.Verified ? AgencyWireNames.Verified : AgencyWireNames.NotFound,
            finding.Verified ? new NameMatches(AgencyWireNames.Of(finding.FirstName!.Value), AgencyWireNames.Of(finding.LastName!.Value)) : null,
            [.. finding.Certificates.Select(AgencyWireNames.Answer)],
            finding.Verified ? finding.Nationality : null);
        var json = JsonSerializer.SerializeToUtf8Bytes(answer, AgencyJson.Options);
        var signed = signer.Sign(json);

        // The audit journal reaches the database within a second or so; until then the answer is fetched from memory.
        recent.Remember(new StoredAnswer(answer.InquiryId, caller.Agency.Id, answer.AnsweredAt, signed));
        audit.RecordAgency(http, channel, finding.Verified ? InquiryOutcome.Match : InquiryOutcome.Miss, finding.CertificateIds.FirstOrDefault(),
            new AgencyAuditFields(caller.Agency.Id, context.Purpose, context.CaseReference, context.OfficerId, audit.HashNationalCode(query.NationalCode), answer.InquiryId, signed, context.Confidential));
        logger.InquiryAnswered(caller.Agency.Id, answer.InquiryId, answer.Outcome);
        return new AgencyInquiryResult(answer, signed, null, AnswerJson: json);
    }
}
