using System.Security.Claims;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// How a holder signs in to «کارنامه مهارتی من» and out again (ADR-032): the national sign-in's button when it is
/// configured (the OpenID Connect handler does the rest, <see cref="NationalSignInEvents"/>), else a one-time code by
/// SMS to a mobile that is theirs (<see cref="MobileSignIn"/>). Every return address is checked by
/// <see cref="HolderReturnUrl"/>. A signed-in holder who opens the sign-in page sees who they are and a sign-out button.
/// </summary>
[Route("my")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class HolderSignInController(
    MobileSignIn mobileSignIn,
    PendingMobileSignIn pending,
    SmsSendGate smsGate,
    IValidator<MobileSignInInput> validator,
    IOptions<PhoneVerificationOptions> codeOptions,
    IAuthenticationSchemeProvider schemes,
    ILogger<HolderSignInController> logger) : Controller
{
    public const string NotTheirMobileText =
        "این شماره همراه در سامانه شاهکار به نام کد ملی‌ای که نوشته‌اید ثبت نشده است. شماره‌ای را بنویسید که به نام خود شماست.";

    public const string NotOnRequestText =
        "کد به شماره‌ای فرستاده می‌شود که در یکی از درخواست‌های ثبت‌شدهٔ شما آمده و با کد تأیید شده است. همان شماره را بنویسید.";

    public const string OwnerNotCheckedText =
        "بررسی مالکیت شماره همراه اکنون ممکن نیست، پس کدی فرستاده نشد. چند دقیقه دیگر دوباره امتحان کنید.";

    public const string UnavailableText =
        "ورود با کد پیامکی در این سامانه فعال نیست. لطفاً بعداً دوباره امتحان کنید یا با پشتیبانی تماس بگیرید.";

    [HttpGet("sign-in")]
    public async Task<IActionResult> SignIn(string? returnUrl, bool signedOut = false)
    {
        // Both of this page's forms may end at the provider (the button, and sign-out's end-session redirect), and
        // browsers apply the Content-Security-Policy's form-action to the redirect as well.
        foreach (var origin in await ProviderOriginsAsync(HttpContext.RequestAborted))
        {
            SecurityHeadersMiddleware.AllowFormSubmissionTo(Response, origin);
        }

        if (await SignedInHolderAsync() is { } holder)
        {
            var identifier = holder.HolderIdentifier();
            var method = Enum.TryParse<HolderSignInMethod>(holder.FindFirstValue(HolderClaims.Method), out var parsed) ? parsed : HolderSignInMethod.MobileCode;
            return View("SignedIn", new HolderSignedInPage(HolderIdentifier.Label(identifier), PersianText.ToPersianDigits(identifier), method));
        }

        return View(await PageAsync(new MobileSignInInput { ReturnUrl = returnUrl }) with { SignedOut = signedOut });
    }

    /// <summary>The national sign-in's button: a POST with the antiforgery token, then the handler's redirect to the provider.</summary>
    [HttpPost("sign-in/national")]
    public async Task<IActionResult> National([FromForm] string? returnUrl)
    {
        if (!await NationalSignInConfiguredAsync())
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = HolderReturnUrl.Safe(returnUrl) }, NationalSignInOptions.Scheme);
    }

    [HttpGet("sign-in/failed")]
    public IActionResult Failed(string? reason) =>
        View(nameof(Failed), reason switch
        {
            NationalSignInEvents.Reasons.Cancelled => "ورود در پنجره ملی خدمات دولت هوشمند انجام نشد یا لغو شد.",
            NationalSignInEvents.Reasons.NoNationalCode =>
                "پنجره ملی خدمات دولت هوشمند کد ملی شما را به این سامانه نفرستاد، پس ورود ممکن نشد. اگر دوباره پیش آمد، با پشتیبانی تماس بگیرید.",
            _ => "ورود با پنجره ملی خدمات دولت هوشمند کامل نشد؛ شاید زمان آن گذشته یا صفحه دوباره فرستاده شده باشد. دوباره امتحان کنید.",
        });

    /// <summary>The first step of the sign-in by code: checks the form, the address's limits and CAPTCHA, then sends the code.</summary>
    [HttpPost("sign-in/mobile")]
    public async Task<IActionResult> Mobile([FromForm] MobileSignInInput input, CancellationToken cancellationToken)
    {
        if (!mobileSignIn.Available || await NationalSignInConfiguredAsync())
        {
            // With the national sign-in configured, it is the only way in; without Shahkar, only a development server.
            ModelState.AddModelError(nameof(input.Identifier), UnavailableText);
            logger.MobileSignInUnavailable();
            return View(nameof(SignIn), await PageAsync(input));
        }

        input.Normalize();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            logger.FormRefused("invalid identifier or mobile");
            return View(nameof(SignIn), await PageAsync(input));
        }

        if (await smsGate.AdmitSendAsync(HttpContext) is { } refused)
        {
            ModelState.AddModelError(refused.Refusal == ClientRefusal.Captcha ? CaptchaGate.FieldName : nameof(input.Mobile), smsGate.Message(refused.Refusal, refused.Verdict));
            return View(nameof(SignIn), await PageAsync(input));
        }

        var result = await mobileSignIn.SendAsync(input.Identifier!, input.Mobile!, cancellationToken);
        if (result is not SendCodeResult.Sent)
        {
            ModelState.AddModelError(nameof(input.Mobile), SendRefusal(result, input.Identifier!));
            return View(nameof(SignIn), await PageAsync(input));
        }

        pending.Write(HttpContext, input.Identifier!, input.Mobile!);
        return Redirect(CodePath(input.ReturnUrl));
    }

    [HttpGet("sign-in/code")]
    public async Task<IActionResult> Code(string? returnUrl)
    {
        if (pending.Read(HttpContext) is not { } signIn)
        {
            return Redirect(HolderDefaults.SignInPath);
        }

        return View(await CodePageAsync(signIn.Mobile, returnUrl));
    }

    [HttpPost("sign-in/code")]
    public async Task<IActionResult> Code([FromForm] string? code, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        if (pending.Read(HttpContext) is not { } signIn)
        {
            return Redirect(HolderDefaults.SignInPath);
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            ModelState.AddModelError("Code", "کد تأییدی را که پیامک شده است وارد کنید.");
            return View(await CodePageAsync(signIn.Mobile, returnUrl));
        }

        var result = await mobileSignIn.ConfirmAsync(signIn.Identifier, signIn.Mobile, code, cancellationToken);
        if (result is not ConfirmCodeResult.Confirmed)
        {
            ModelState.AddModelError("Code", result switch
            {
                ConfirmCodeResult.Wrong wrong => "کد درست نیست؛ " + PersianText.ToPersianDigits(wrong.RemainingAttempts) + " بار دیگر می‌توانید امتحان کنید.",
                ConfirmCodeResult.Expired => "این کد دیگر معتبر نیست؛ کد تازه بخواهید.",
                _ => "کد چند بار نادرست وارد شد؛ کد تازه بخواهید.",
            });
            return View(await CodePageAsync(signIn.Mobile, returnUrl));
        }

        PendingMobileSignIn.Clear(HttpContext);
        await HttpContext.SignInAsync(HolderDefaults.Scheme, HolderClaims.Create(signIn.Identifier, HolderSignInMethod.MobileCode));
        return LocalRedirect(HolderReturnUrl.Safe(returnUrl));
    }

    [HttpPost("sign-in/code/send")]
    public async Task<IActionResult> SendAgain([FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        if (pending.Read(HttpContext) is not { } signIn)
        {
            return Redirect(HolderDefaults.SignInPath);
        }

        if (await smsGate.AdmitSendAsync(HttpContext) is { } refused)
        {
            ModelState.AddModelError(refused.Refusal == ClientRefusal.Captcha ? CaptchaGate.FieldName : "Code", smsGate.Message(refused.Refusal, refused.Verdict));
            return View(nameof(Code), await CodePageAsync(signIn.Mobile, returnUrl));
        }

        var result = await mobileSignIn.SendAsync(signIn.Identifier, signIn.Mobile, cancellationToken);
        if (result is SendCodeResult.Sent)
        {
            return View(nameof(Code), await CodePageAsync(signIn.Mobile, returnUrl) with { Notice = "کد تازه به شماره شما پیامک شد." });
        }

        ModelState.AddModelError("Code", SendRefusal(result, signIn.Identifier));
        return View(nameof(Code), await CodePageAsync(signIn.Mobile, returnUrl));
    }

    /// <summary>
    /// Ends the holder's session; after a national sign-in, also the provider's session when it has an end-session
    /// endpoint (the provider then sends the browser back to the sign-in page).
    /// </summary>
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutHolder(CancellationToken cancellationToken)
    {
        var holder = await SignedInHolderAsync();
        if (holder is null)
        {
            return Redirect(HolderDefaults.SignInPath);
        }

        logger.SignedOut(mobileSignIn.HolderKey(holder.HolderIdentifier()));
        var done = new AuthenticationProperties { RedirectUri = HolderDefaults.SignInPath + "?signedOut=true" };
        if (holder.FindFirstValue(HolderClaims.Method) == nameof(HolderSignInMethod.NationalSignIn) && await ProviderEndsSessionsAsync(cancellationToken))
        {
            return SignOut(done, HolderDefaults.Scheme, NationalSignInOptions.Scheme);
        }

        await HttpContext.SignOutAsync(HolderDefaults.Scheme);
        return LocalRedirect(done.RedirectUri);
    }

    private async Task<ClaimsPrincipal?> SignedInHolderAsync()
    {
        var result = await HttpContext.AuthenticateAsync(HolderDefaults.Scheme);
        return result.Succeeded && result.Principal.FindFirstValue(HolderClaims.Identifier) is not null ? result.Principal : null;
    }

    private async Task<bool> NationalSignInConfiguredAsync() => await schemes.GetSchemeAsync(NationalSignInOptions.Scheme) is not null;

    private async Task<bool> ProviderEndsSessionsAsync(CancellationToken cancellationToken)
    {
        if (!await NationalSignInConfiguredAsync())
        {
            return false;
        }

        var oidc = HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(NationalSignInOptions.Scheme);
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (InvalidOperationException)
        {
            return false; // the provider cannot be reached now: the portal's own session still ends
        }
    }

    /// <summary>Where the provider's pages are: its configured addresses and, once its discovery document is read, its endpoints.</summary>
    private async Task<IReadOnlyCollection<Uri>> ProviderOriginsAsync(CancellationToken cancellationToken)
    {
        if (!await NationalSignInConfiguredAsync())
        {
            return [];
        }

        var settings = HttpContext.RequestServices.GetRequiredService<IOptions<NationalSignInOptions>>().Value;
        var addresses = new List<string> { settings.Authority, settings.MetadataAddress };
        var oidc = HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(NationalSignInOptions.Scheme);
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            addresses.Add(configuration.AuthorizationEndpoint);
            addresses.Add(configuration.EndSessionEndpoint);
        }
        catch (InvalidOperationException)
        {
            // The provider cannot be reached now: its configured address is the best guess.
        }

        return [.. addresses
            .Where(a => !string.IsNullOrEmpty(a))
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? new Uri(uri.GetLeftPart(UriPartial.Authority)) : null)
            .OfType<Uri>()
            .Distinct()];
    }

    private async Task<HolderSignInPage> PageAsync(MobileSignInInput input)
    {
        var national = await NationalSignInConfiguredAsync();
        return new HolderSignInPage(input, national, !national && mobileSignIn.Available, mobileSignIn.OwnershipNotCheckedHere)
        {
            Captcha = await smsGate.IsCaptchaRequiredAsync(HttpContext),
        };
    }

    private async Task<HolderCodePage> CodePageAsync(string mobile, string? returnUrl) =>
        new(Redaction.MobileForApplicant(mobile) ?? "", HolderReturnUrl.Safe(returnUrl), PhoneVerificationService.LifetimeText(codeOptions.Value.CodeLifetime))
        {
            Captcha = await smsGate.IsCaptchaRequiredAsync(HttpContext),
            OwnershipNotChecked = mobileSignIn.OwnershipNotCheckedHere,
        };

    private static string CodePath(string? returnUrl) =>
        HolderDefaults.SignInPath + "/code?returnUrl=" + Uri.EscapeDataString(HolderReturnUrl.Safe(returnUrl));

    /// <summary>Persian for why no code was sent; the request form's words where they are the same.</summary>
    public static string SendRefusal(SendCodeResult result, string identifier) => result switch
    {
        SendCodeResult.NotTheHoldersMobile => HolderIdentifier.IsForeign(identifier) ? NotOnRequestText : NotTheirMobileText,
        SendCodeResult.OwnerNotChecked => OwnerNotCheckedText,
        _ => PhoneConfirmationController.SendRefusal(result),
    };
}
