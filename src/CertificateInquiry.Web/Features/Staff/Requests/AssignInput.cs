using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>Give the request to someone: "me", a colleague's user id, or "nobody".</summary>
public sealed class AssignInput : CaseActionInput
{
    public const string Me = "me";
    public const string Nobody = "nobody";

    public string? AssignTo { get; set; }

    public override void Normalize() => AssignTo = AssignTo?.Trim();
}

public sealed class AssignInputValidator : AbstractValidator<AssignInput>
{
    public AssignInputValidator() =>
        RuleFor(i => i.AssignTo).NotEmpty().WithMessage("کسی را که درخواست به او سپرده می‌شود انتخاب کنید.");
}
