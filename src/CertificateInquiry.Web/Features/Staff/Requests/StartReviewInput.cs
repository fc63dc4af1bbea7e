using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>Submitted → UnderReview.</summary>
public sealed class StartReviewInput : CaseActionInput;

public sealed class StartReviewInputValidator : AbstractValidator<StartReviewInput>;
