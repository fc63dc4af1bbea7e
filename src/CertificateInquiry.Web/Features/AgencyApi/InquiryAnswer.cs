using System.ComponentModel;
using System.Text.Json.Serialization;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// The answer to one agency inquiry, exactly as it is signed: the JWS in <c>signedAnswer</c> carries this JSON as its
/// payload, so an agency can keep the JWS alone and prove later what the portal said. <see cref="NationalCode"/> is the
/// holder's identifier as asked: an Iranian national code (10 digits) or a foreign national's unique identifier (12
/// digits); for a verified foreign holder <see cref="Nationality"/> gives their nationality (ISO 3166-1 alpha-2), and it
/// is absent otherwise (ADR-033).
/// </summary>
public record InquiryAnswer(
    string InquiryId,
    string Issuer,
    DateTimeOffset AnsweredAt,
    string ClientId,
    string Purpose,
    string CaseReference,
    string OfficerId,
    string NationalCode,
    string? CertificateNumber,
    string Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NameMatches? Names,
    IReadOnlyList<CertificateAnswer> Certificates,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("A verified foreign holder's nationality (ISO 3166-1 alpha-2, e.g. AF); absent for an Iranian holder and when nothing was found.")]
    string? Nationality = null);

/// <summary>Whether each name the agency supplied matches the holder's: <c>match</c>, <c>mismatch</c> or <c>not_supplied</c>.</summary>
public sealed record NameMatches(string FirstName, string LastName);

/// <summary>One certificate in an answer. Dates in ISO form and in the Jalali calendar (yyyy/MM/dd, Latin digits).</summary>
public sealed record CertificateAnswer(
    string CertificateNumber,
    string Kind,
    string Status,
    string StandardTitle,
    string StandardCode,
    int StandardHours,
    string ExamDate,
    string ExamDateJalali,
    string IssueDate,
    string IssueDateJalali,
    string? ExpiryDate,
    string? ExpiryDateJalali,
    string Province,
    string IssuingOffice);
