using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>One paper letter: its rows and their findings, the requests they became, progress, and the answer letter.</summary>
public sealed record PaperLetterPage(
    PaperLetter Letter,
    string ProvinceName,
    IReadOnlyDictionary<long, (string? TrackingCode, RequestStatus Status)> Requests,
    PaperLetterStatus Status,
    int Answered,
    bool CanIssue,
    string? Notice)
{
    public int Total => Letter.Rows.Count;
}
