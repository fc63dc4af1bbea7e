using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Notifications;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>One document listed on the receipt: its kind in Persian and the file name the applicant gave.</summary>
public sealed record ReceiptDocument(string KindTitle, string OriginalName);

/// <summary>
/// What the receipt of a submitted request shows (<see cref="RequestReceiptDocument"/>). Text keeps ASCII digits;
/// the document shows Persian digits in Persian text and codes as they are.
/// </summary>
public sealed record RequestReceipt(
    string TrackingCode,
    DateTime SubmittedAtUtc,
    string ApplicantName,
    string? MobileMasked,
    string Trade,
    int? ExamYear,
    string? ProvinceName,
    string? TrainingCenter,
    string? CertificateNumber,
    IReadOnlyList<ReceiptDocument> Documents,
    long? FeeRials,
    string? BankReference,
    DateOnly? ExpectedAnswerOn,
    string TrackingUrl)
{
    /// <summary>
    /// The receipt of a submitted request. The request must be loaded with its standard, province, documents and
    /// payments. The expected answer date is counted from the day of submission (Iran time) through the service
    /// levels of <see cref="RequestStatus.Submitted"/> and <see cref="RequestStatus.UnderReview"/>, so a receipt
    /// downloaded again later promises the same date.
    /// </summary>
    public static RequestReceipt From(InquiryRequest request, RequestServiceLevels serviceLevels, string trackingUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serviceLevels);
        if (request is not { TrackingCode: { } trackingCode, SubmittedAtUtc: { } submittedAtUtc })
        {
            throw new InvalidOperationException("Only a submitted request, which has a tracking code, has a receipt.");
        }

        var payment = request.Payments
            .Where(p => p.Status == PaymentStatus.Paid)
            .OrderByDescending(p => p.CompletedAtUtc)
            .FirstOrDefault();
        var expectedAnswerOn = serviceLevels.ExpectedAnswerOn(request);

        return new RequestReceipt(
            trackingCode,
            submittedAtUtc,
            $"{request.FirstName} {request.LastName}".Trim(),
            Redaction.MobileForApplicant(request.Mobile),
            request.Standard?.Title ?? request.TradeText ?? "—",
            request.ExamYear,
            request.Province?.Name,
            request.TrainingCenter,
            string.IsNullOrWhiteSpace(request.CertificateNumber) ? null : request.CertificateNumber,
            request.Documents
                .OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id)
                .Select(d => new ReceiptDocument(DocumentKindText.Title(d.Kind), d.OriginalName))
                .ToList(),
            payment?.AmountRials,
            payment?.ReferenceNumber,
            expectedAnswerOn,
            trackingUrl);
    }
}
