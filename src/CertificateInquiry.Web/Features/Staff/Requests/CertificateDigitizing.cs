using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// A paper certificate put into the database through an answer (ADR-010): checked when it is proposed
/// (<see cref="RefusalOfProposalAsync"/>), created when the answer is approved (<see cref="DigitizeAsync"/>: the
/// holder's <see cref="Person"/> upserted by national code from the request, the <see cref="Certificate"/> inserted as
/// <see cref="RecordSource.DigitizedFromPaper"/> with a new verification code). Both run inside the caller's transaction
/// (<see cref="CaseActionRunner"/>), so a failure later in the approval leaves neither person nor certificate behind.
/// </summary>
public sealed class CertificateDigitizing(AppDbContext db, TimeProvider clock)
{
    /// <summary>What the database must confirm before a paper certificate can be proposed: a free number, a real standard, a complete holder.</summary>
    public async Task<CaseActionOutcome?> RefusalOfProposalAsync(InquiryRequest request, ProposalInput input, CancellationToken cancellationToken)
    {
        if (await db.Certificates.AnyAsync(c => c.Number == input.CertificateNumber, cancellationToken))
        {
            return CaseActionOutcome.Refuse(
                "گواهینامه‌ای با این شماره پیش‌تر در سامانه ثبت شده است؛ اگر همان گواهینامه است، «ثبت‌شده در سامانه» را انتخاب کنید.",
                nameof(input.CertificateNumber), StatusCodes.Status400BadRequest);
        }

        if (!await db.TrainingStandards.AnyAsync(s => s.Id == input.ParsedStandardId, cancellationToken))
        {
            return CaseActionOutcome.Refuse("استاندارد آموزشی را از فهرست انتخاب کنید.", nameof(input.StandardId), StatusCodes.Status400BadRequest);
        }

        if (request is not { NationalCode: not null, FirstName: not null, LastName: not null, FatherName: not null, BirthDate: not null, Gender: not null, ProvinceId: not null })
        {
            return CaseActionOutcome.Refuse("مشخصات متقاضی (نام، نام پدر، تاریخ تولد یا جنسیت) کامل نیست؛ گواهینامه به نام او ثبت نمی‌شود.");
        }

        if (ProposalInput.ParseDate(input.ExamDate) <= request.BirthDate)
        {
            return CaseActionOutcome.Refuse("تاریخ آزمون باید پس از تاریخ تولد متقاضی باشد.", nameof(input.ExamDate), StatusCodes.Status400BadRequest);
        }

        return null;
    }

    /// <summary>
    /// The certificate a confirmed proposal describes, held by the applicant, saved (inside the caller's transaction)
    /// so that the answer can name its id; refused when a certificate with its number was registered since the proposal.
    /// </summary>
    public async Task<(long? CertificateId, CaseActionOutcome? Refusal)> DigitizeAsync(InquiryRequest request, AnswerProposal proposal, CancellationToken cancellationToken)
    {
        if (await db.Certificates.AnyAsync(c => c.Number == proposal.CertificateNumber, cancellationToken))
        {
            return (null, CaseActionOutcome.Refuse(
                "از زمان پیشنهاد، گواهینامه دیگری با شماره " + proposal.CertificateNumber + " در سامانه ثبت شده است؛ پاسخ را برگردانید تا بررسی شود."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var person = await db.People.SingleOrDefaultAsync(p => p.NationalCode == request.NationalCode, cancellationToken);
        if (person is null)
        {
            person = new Person { NationalCode = request.NationalCode!, FirstName = "", LastName = "", FatherName = "", CreatedAtUtc = now };
            db.People.Add(person);
        }

        // The applicant's own statement, checked by staff against the paper record, is the latest word on the holder.
        person.FirstName = request.FirstName!;
        person.LastName = request.LastName!;
        person.FatherName = request.FatherName!;
        person.BirthDate = request.BirthDate!.Value;
        person.Gender = request.Gender!.Value;
        person.Nationality = request.Nationality; // a foreign national's certificate is held under their identifier and nationality
        person.UpdatedAtUtc = now;

        var certificate = new Certificate
        {
            Number = proposal.CertificateNumber!,
            Kind = proposal.CertificateKind!.Value,
            Person = person,
            StandardId = proposal.StandardId!.Value,
            ExamDate = proposal.ExamDate!.Value,
            IssueDate = proposal.IssueDate!.Value,
            ExpiryDate = proposal.CertificateKind == CertificateKind.License ? proposal.ExpiryDate : null,
            ProvinceId = request.ProvinceId!.Value,
            TrainingCenter = proposal.TrainingCenter!,
            Status = CertificateStatus.Valid,
            Program = proposal.Program!.Value,
            Source = RecordSource.DigitizedFromPaper,
            VerificationCode = VerificationCode.New(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Certificates.Add(certificate);

        // The certificate's id is needed for the answer; this save is inside the action's transaction, so it is undone
        // with everything else if the answer cannot be saved.
        await db.SaveChangesAsync(cancellationToken);
        return (certificate.Id, null);
    }
}
