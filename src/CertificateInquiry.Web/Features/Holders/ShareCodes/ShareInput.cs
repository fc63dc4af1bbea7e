namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

/// <summary>What an employer types at <c>/share</c>: the code the holder gave them, and nothing else.</summary>
public sealed class ShareInput
{
    public string? Code { get; set; }

    /// <summary>The code as stored (see <see cref="ShareCodeText.Normalize"/>); null when what was typed cannot be a code.</summary>
    public string? NormalizedCode { get; private set; }

    public void Normalize() => NormalizedCode = ShareCodeText.Normalize(Code);
}
