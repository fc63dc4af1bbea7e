namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>How registering a paper letter ended.</summary>
public sealed record RegistrationOutcome(
    RegistrationOutcome.Kinds Kind,
    long? LetterId = null,
    IReadOnlyList<(string Field, string Message)>? Errors = null,
    IReadOnlyList<CheckedRow>? InvalidRows = null)
{
    public enum Kinds
    {
        Registered,

        /// <summary>The same agency's letter with the same number is registered in the province already (a double submit, a second tab).</summary>
        AlreadyRegistered,

        Invalid,

        /// <summary>Some rows cannot be read: the expert corrects them or confirms they are answered as unreadable.</summary>
        RowsNeedConfirmation,
    }

    public static RegistrationOutcome Fail(params (string Field, string Message)[] errors) => new(Kinds.Invalid, Errors: errors);
}
