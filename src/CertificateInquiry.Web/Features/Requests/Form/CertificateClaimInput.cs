using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>Step 3: what the applicant remembers of the certificate.</summary>
public sealed class CertificateClaimInput
{
    /// <summary>A standard's title or code from the list, or the trade in the applicant's own words.</summary>
    public string? Trade { get; set; }

    public string? ExamYear { get; set; }

    public string? ProvinceId { get; set; }

    public string? TrainingCenter { get; set; }

    public string? CertificateNumber { get; set; }

    public void Normalize()
    {
        Trade = PersianText.Normalize(Trade);
        ExamYear = PersianText.NormalizeCode(ExamYear);
        ProvinceId = PersianText.NormalizeCode(ProvinceId);
        TrainingCenter = PersianText.Normalize(TrainingCenter);
        CertificateNumber = PersianText.NormalizeCode(CertificateNumber);
    }
}
