using System.Security.Cryptography;

namespace CertificateInquiry.Web.Features.AgencyPortal.Batches;

/// <summary>
/// The batch upload form as posted. <see cref="IdempotencyKey"/> is made once per rendering of the form (a hidden field):
/// a double click, a resubmission or the same form sent again from a second tab carries the same key, so the agency gets
/// the one batch the first submission made (the API's rule: the same key and file give the same batch).
/// </summary>
public sealed class BatchUploadForm
{
    public IFormFile? File { get; set; }

    public string? Purpose { get; set; }

    public string? CaseReference { get; set; }

    /// <summary>The box «محرمانه»: holders learn of these inquiries only after their purpose's delay.</summary>
    public bool Confidential { get; set; }

    public string? IdempotencyKey { get; set; }

    public static string NewKey() => "portal-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A key as the API takes it: 1 to 64 printable ASCII characters.</summary>
    public static bool IsKey(string? key) => key is { Length: > 0 and <= 64 } && key.All(c => c is >= '!' and <= '~');
}
