using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Admin;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// Agencies' paper letters in the back-office (ADR-027): the province's list, «register a letter», a letter's page with
/// its rows and progress, issuing its one answer letter, and downloading it. Everything is read through
/// <see cref="StaffScope"/>: another province's letter is a 404, logged.
/// </summary>
[Route("admin/paper-letters")]
public sealed class PaperLettersController(
    PaperLetterReader reader,
    PaperLetterRegistration registration,
    PaperLetterIssuing issuing,
    PaperLetterAnswerDocument document,
    PublicAddress publicAddress,
    StaffAuditTrail trail,
    StaffScope scope,
    AppDbContext db,
    ILogger<PaperLettersController> logger) : StaffController
{
    /// <summary>The largest form accepted: a letter's file (at most 2 MB) or a thousand typed rows, with room to spare.</summary>
    public const int MaxFormBytes = 3 * 1024 * 1024;

    public const string DownloadAction = "paper-letter.download";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await reader.ListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Register(CancellationToken cancellationToken) =>
        View(await RegisterPageAsync(new RegisterLetterInput(), null, cancellationToken));

    [HttpPost("new")]
    [RequestSizeLimit(MaxFormBytes)]
    [RequestFormLimits(ValueLengthLimit = MaxFormBytes, MultipartBodyLengthLimit = MaxFormBytes)]
    public async Task<IActionResult> Register([FromForm] RegisterLetterInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // binding messages are English and technical: the validator speaks Persian
        var outcome = await registration.RegisterAsync(input, cancellationToken);
        switch (outcome.Kind)
        {
            case RegistrationOutcome.Kinds.Registered:
                return Redirect(LetterPath(outcome.LetterId!.Value) + "?done=registered");
            case RegistrationOutcome.Kinds.AlreadyRegistered:
                return Redirect(LetterPath(outcome.LetterId!.Value) + "?done=already-registered");
            case RegistrationOutcome.Kinds.RowsNeedConfirmation:
                ModelState.AddModelError(nameof(input.Rows), RowsMessage(outcome.InvalidRows!.Count));
                input.AcceptInvalidRows = false;
                return View(await RegisterPageAsync(input, outcome.InvalidRows, cancellationToken));
            default:
                foreach (var (field, message) in outcome.Errors!)
                {
                    ModelState.AddModelError(field, message);
                }

                return View(await RegisterPageAsync(input, null, cancellationToken));
        }
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Letter(long id, string? done, CancellationToken cancellationToken)
    {
        var page = await reader.PageAsync(id, Notice(done), cancellationToken);
        return page is null ? NotFoundLogged(id) : View(page);
    }

    /// <summary>Issues the answer letter (<see cref="PaperLetterIssuing"/>): managers and national admins only, by policy.</summary>
    [HttpPost("{id:long}/issue")]
    [Authorize(Policy = StaffPolicies.Managers)]
    public async Task<IActionResult> Issue(long id, [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var outcome = await issuing.IssueAsync(id, version, cancellationToken);
        switch (outcome.Kind)
        {
            case IssueOutcome.Kinds.Issued:
                return Redirect(LetterPath(id) + "?done=issued");
            case IssueOutcome.Kinds.NotFound:
                return NotFoundLogged(id);
            case IssueOutcome.Kinds.AlreadyIssued:
                return Redirect(LetterPath(id) + "?done=already-issued");
            default:
                var page = await reader.PageAsync(id, null, cancellationToken);
                if (page is null)
                {
                    return NotFoundLogged(id);
                }

                ModelState.AddModelError(string.Empty, outcome.Message!);
                Response.StatusCode = outcome.Kind switch
                {
                    IssueOutcome.Kinds.Forbidden => StatusCodes.Status403Forbidden,
                    IssueOutcome.Kinds.Conflict => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status400BadRequest,
                };
                return View(nameof(Letter), page);
        }
    }

    [HttpGet("{id:long}/answer-letter")]
    public async Task<IActionResult> AnswerLetter(long id, CancellationToken cancellationToken)
    {
        var letter = await reader.LetterAsync(id, cancellationToken);
        if (letter is null)
        {
            return NotFoundLogged(id);
        }

        if (!letter.IsIssued)
        {
            return NotFound();
        }

        var pdf = document.Render(letter, letter.Province!.Name, Web.Features.Requests.Letters.AnswerLetterVerifyController.UrlFor(publicAddress, letter.VerificationCode!));
        trail.Record(DownloadAction, "PaperLetter", id.ToString(CultureInfo.InvariantCulture), letter.ProvinceId,
            details: "دریافت نامه پاسخ شماره " + letter.AnswerLetterNumber);
        await db.SaveChangesAsync(cancellationToken);
        return File(pdf, "application/pdf", "tvto-letter-" + letter.AnswerLetterNumber!.Replace('/', '-') + ".pdf");
    }

    public static string LetterPath(long id) => "/admin/paper-letters/" + id.ToString(CultureInfo.InvariantCulture);

    public static string RowsMessage(int count) =>
        Infrastructure.Persian.PersianText.ToPersianDigits(count) + " ردیف درست خوانده نشد (فهرست زیر)؛ آن‌ها را درست کنید، یا اگر نامه همین‌گونه است، «ثبت با همین ردیف‌ها» را بزنید تا در نامه پاسخ «نادرست» اعلام شوند.";

    private static string? Notice(string? done) => done switch
    {
        "registered" => "نامه ثبت شد. ردیف‌هایی که در سامانه بودند پاسخ گرفتند و برای بقیه درخواست استعلام پیش از ۱۳۹۲ باز شد.",
        "already-registered" => "این نامه (همین سازمان و همین شماره نامه) پیش‌تر در استان ثبت شده است؛ نامه ثبت‌شده را می‌بینید.",
        "issued" => "نامه پاسخ صادر شد.",
        "already-issued" => IssueOutcome.AlreadyIssuedMessage,
        _ => null,
    };

    private async Task<RegisterPage> RegisterPageAsync(RegisterLetterInput input, IReadOnlyList<CheckedRow>? invalidRows, CancellationToken cancellationToken) =>
        new(input, await reader.AgenciesAsync(cancellationToken), scope.IsNationalAdmin ? ProvinceOptions.All : null, invalidRows);

    private NotFoundResult NotFoundLogged(long id)
    {
        logger.NotInScope(scope.UserId, id);
        return NotFound();
    }
}
