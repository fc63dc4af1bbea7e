using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>One line of the list of paper letters.</summary>
public sealed record PaperLetterSummary(
    long Id,
    string AgencyName,
    string AgencyLetterNumber,
    DateOnly AgencyLetterDate,
    string ProvinceName,
    DateTime RegisteredAtUtc,
    int Rows,
    int Answered,
    PaperLetterStatus Status,
    string? AnswerLetterNumber);
