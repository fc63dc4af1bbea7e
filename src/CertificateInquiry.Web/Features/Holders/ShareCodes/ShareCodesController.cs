using System.Security.Cryptography;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

/// <summary>
/// The holder's share codes: make one for a certificate or for all, for up to 90 days, with a note of whom it is for;
/// see each code's uses; revoke it. The code itself is shown once, in the answer to the form that made it (never
/// stored in clear, never in a redirect or TempData).
/// </summary>
[Route("my/share-codes")]
[Authorize(Policy = HolderPolicies.Holder)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ShareCodesController(HolderShareCodes shareCodes, HolderRecords records, IValidator<ShareCodeInput> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? certificate, CancellationToken cancellationToken) =>
        View(await PageAsync(new ShareCodeInput { Certificate = PersianText.NormalizeCode(certificate) }, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] ShareCodeInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return View(nameof(Index), await PageAsync(input, cancellationToken, keepKey: true));
        }

        var created = await shareCodes.CreateAsync(
            User.HolderIdentifier(), input.Certificate, input.DaysValue!.Value, input.Recipient, input.CreationKey!, cancellationToken);
        switch (created.Outcome)
        {
            case ShareCodeCreation.NoSuchCertificate:
                ModelState.AddModelError(nameof(ShareCodeInput.Certificate), "این گواهینامه به نام شما ثبت نشده است.");
                return View(nameof(Index), await PageAsync(input, cancellationToken));
            case ShareCodeCreation.TooManyLiveCodes:
                ModelState.AddModelError(nameof(ShareCodeInput.Days),
                    $"شما {PersianText.ToPersianDigits(HolderShareCodes.MaxLiveCodes)} کد فعال دارید؛ پیش از ساختن کد تازه، کدهایی را که دیگر لازم ندارید لغو کنید.");
                return View(nameof(Index), await PageAsync(input, cancellationToken));
            case ShareCodeCreation.AlreadyCreated:
                return View(nameof(Index), await PageAsync(new ShareCodeInput(), cancellationToken) with
                {
                    Notice = "این فرم پیش‌تر فرستاده شده و کد آن ساخته شده است. کد فقط یک بار نمایش داده می‌شود؛ اگر آن را ندارید، همان کد را لغو و کد تازه‌ای بسازید.",
                });
            default:
                return View(nameof(Index), await PageAsync(new ShareCodeInput(), cancellationToken) with
                {
                    NewCode = ShareCodeText.Format(created.Code!),
                    NewCodeExpiresAtUtc = created.ExpiresAtUtc,
                });
        }
    }

    [HttpPost("{id:long}/revoke")]
    public async Task<IActionResult> Revoke(long id, CancellationToken cancellationToken) =>
        await shareCodes.RevokeAsync(User.HolderIdentifier(), id, cancellationToken) ? Redirect("/my/share-codes#code-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : NotFound();

    private async Task<ShareCodesPage> PageAsync(ShareCodeInput input, CancellationToken cancellationToken, bool keepKey = false)
    {
        var identifier = User.HolderIdentifier();
        if (!keepKey || input.CreationKey is not { Length: 32 })
        {
            input.CreationKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }

        var certificates = await records.CertificatesAsync(identifier);
        return new ShareCodesPage(
            input,
            [.. certificates.Select(record => (record.Number, CertificateInquiry.Web.Domain.CertificateTitles.Kind(record.Kind) + " " + record.Number + " — " + PersianText.ToPersianDigits(record.StandardTitle)))],
            await shareCodes.ListAsync(identifier, cancellationToken));
    }
}

public sealed record ShareCodesPage(ShareCodeInput Input, IReadOnlyList<(string Number, string Title)> Certificates, IReadOnlyList<ShareCodeRow> Codes)
{
    /// <summary>The code just made, grouped for reading: shown in this answer only.</summary>
    public string? NewCode { get; init; }

    public DateTime? NewCodeExpiresAtUtc { get; init; }

    public string? Notice { get; init; }
}
