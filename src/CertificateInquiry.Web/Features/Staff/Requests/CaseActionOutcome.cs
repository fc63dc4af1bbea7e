using FluentValidation.Results;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// How an action on a case ended, decided inside its transaction by the use-case services
/// (<see cref="RequestCaseActions"/>, <see cref="AnswerApproval"/>) and turned into a response by the controller.
/// </summary>
public sealed record CaseActionOutcome(
    CaseActionOutcome.Kinds Kind, string? Done = null, string? Message = null, string Field = "", int StatusCode = StatusCodes.Status200OK,
    ValidationResult? Validation = null)
{
    public enum Kinds
    {
        Done,

        /// <summary>No such request in the user's scope: another province's, a draft, or none at all.</summary>
        NotFound,

        /// <summary>The form's own rules failed; the errors are in <see cref="Validation"/>.</summary>
        Invalid,

        /// <summary>The request changed since the page was loaded (its version differs).</summary>
        Conflict,

        /// <summary>A rule that needs the request or the database refused it (<see cref="Message"/>, under <see cref="Field"/>).</summary>
        Refused,
    }

    /// <summary>What the person is told when the request changed under their form.</summary>
    public const string ConflictMessage =
        "این درخواست هم‌زمان توسط همکار دیگری تغییر کرده است. وضعیت کنونی آن را در همین صفحه ببینید؛ آنچه نوشته بودید در فرم مانده است و اگر هنوز لازم است، دوباره بفرستید.";

    public static readonly CaseActionOutcome NotFound = new(Kinds.NotFound);
    public static readonly CaseActionOutcome Conflict = new(Kinds.Conflict);

    /// <summary>The form's own rules failed: <paramref name="validation"/> holds the Persian messages.</summary>
    public static CaseActionOutcome Invalid(ValidationResult validation) => new(Kinds.Invalid, Validation: validation);

    /// <summary>Success; <paramref name="code"/> names the notice the case page shows after the redirect (<see cref="CaseNotices"/>).</summary>
    public static CaseActionOutcome Success(string code) => new(Kinds.Done, Done: code);

    public static CaseActionOutcome Refuse(string message, string field = "", int statusCode = StatusCodes.Status409Conflict) =>
        new(Kinds.Refused, Message: message, Field: field, StatusCode: statusCode);
}
