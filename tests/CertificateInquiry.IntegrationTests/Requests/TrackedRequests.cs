using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// Puts requests in the portal's database in any status, through the domain's own moves (as the back-office
/// will), each with its own tracking code and national code, a staff message and an internal note.
/// </summary>
internal static class TrackedRequests
{
    public const string StaffMessage = "پرونده شما به کارشناس بایگانی استان سپرده شد.";
    public const string InternalNote = "یادداشت داخلی: امضای مدیر مرکز در پرونده کاغذی مشکوک است";
    public const string ReviewNote = "بررسی سوابق بایگانی آغاز شد";
    public const string DocumentsAsked = "لطفاً تصویر خوانای کارت پایان خدمت را بفرستید.";
    public const string VisitPlace = "تهران، خیابان آزادی، اداره کل آموزش فنی و حرفه‌ای، طبقه ۲";
    public const string RejectionReason = "نام پدر در پرونده بایگانی با شناسنامه یکی نیست";
    public const string StaffId = "staff-tehran-3";

    private static readonly Random Random = new();

    public sealed record Seeded(long Id, string TrackingCode, string NationalCode, string? CertificateNumber = null);

    /// <summary>A request in <paramref name="status"/>; <paramref name="dueOn"/> replaces the due date of its last move.</summary>
    public static Task<Seeded> SeedAsync(
        PortalFactory portal, RequestStatus status, AnswerOutcome outcome = AnswerOutcome.NotFound, DateOnly? dueOn = null, DateTime? visitAtLocal = null,
        string province = "تهران", string firstName = "رضا", string lastName = "کاظمی") =>
        portal.WithDatabaseAsync(async db =>
        {
            var nationalCode = NewNationalCode();
            var trackingCode = TrackingCode.New();
            var today = IranTime.Today(TimeProvider.System);
            var at = DateTime.UtcNow.AddDays(-6);
            var request = new InquiryRequest
            {
                AccessKey = Guid.NewGuid().ToString("N"),
                NationalCode = nationalCode,
                FirstName = firstName,
                LastName = lastName,
                FatherName = "حسین",
                BirthDate = new DateOnly(1968, 3, 21),
                Gender = Gender.Male,
                Mobile = "09121234567",
                StandardId = (await StandardAsync(db)).Id,
                ExamYear = 1386,
                ProvinceId = await db.Provinces.Where(p => p.Name == province).Select(p => p.Id).SingleAsync(),
                TrainingCenter = "مرکز آموزش فنی و حرفه‌ای شماره ۱ تهران",
                CreatedAtUtc = at.AddHours(-1),
                UpdatedAtUtc = at.AddHours(-1),
            };

            request.Submit(trackingCode, at, status == RequestStatus.Submitted ? dueOn ?? today.AddDays(2) : today.AddDays(-4));
            if (status != RequestStatus.Submitted)
            {
                var reviewDue = status == RequestStatus.UnderReview ? dueOn ?? today.AddDays(10) : today.AddDays(6);
                request.MoveTo(RequestStatus.UnderReview, StaffId, "کارشناس استان", at.AddDays(1), reviewDue, ReviewNote);
            }

            string? certificateNumber = null;
            switch (status)
            {
                case RequestStatus.NeedsMoreDocuments:
                    request.MoveTo(RequestStatus.NeedsMoreDocuments, StaffId, "کارشناس استان", at.AddDays(2), dueOn ?? today.AddDays(12), DocumentsAsked);
                    break;
                case RequestStatus.AwaitingVisit:
                    var visit = visitAtLocal ?? today.AddDays(5).ToDateTime(new TimeOnly(9, 30));
                    request.ScheduleVisit(VisitKind.PracticalExam, visit, VisitPlace, StaffId, "کارشناس استان", at.AddDays(2), dueOn ?? DateOnly.FromDateTime(visit), null);
                    break;
                case RequestStatus.Answered:
                    long? certificateId = null;
                    if (outcome == AnswerOutcome.Confirmed)
                    {
                        var certificate = await CertificateAsync(db, nationalCode, request.StandardId!.Value, request.ProvinceId!.Value);
                        (certificateId, certificateNumber) = (certificate.Id, certificate.Number);
                    }

                    request.Answer(outcome, outcome == AnswerOutcome.Rejected ? RejectionReason : null, certificateId, StaffId, "کارشناس استان", at.AddDays(3));
                    break;
            }

            request.Messages.Add(new RequestMessage { AtUtc = at.AddDays(1).AddMinutes(5), Author = StaffId, AuthorName = "کارشناس استان", Text = StaffMessage });
            request.Messages.Add(new RequestMessage { AtUtc = at.AddDays(1).AddMinutes(6), Author = StaffId, AuthorName = "کارشناس استان", Text = InternalNote, IsInternal = true });
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return new Seeded(request.Id, trackingCode, nationalCode, certificateNumber);
        });

    /// <summary>A valid national code no seeded request is likely to share.</summary>
    public static string NewNationalCode()
    {
        while (true)
        {
            var code = NationalCode.Complete(Random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (NationalCode.IsValid(code))
            {
                return code;
            }
        }
    }

    private static async Task<TrainingStandard> StandardAsync(AppDbContext db)
    {
        var standard = await db.TrainingStandards.SingleOrDefaultAsync(s => s.Code == "7212-33-001-1");
        if (standard is null)
        {
            standard = new TrainingStandard { Code = "7212-33-001-1", Title = "جوشکاری برق درجه 2", Hours = 300 };
            db.TrainingStandards.Add(standard);
            await db.SaveChangesAsync();
        }

        return standard;
    }

    private static async Task<Certificate> CertificateAsync(AppDbContext db, string nationalCode, int standardId, int provinceId)
    {
        var person = new Person { NationalCode = nationalCode, FirstName = "رضا", LastName = "کاظمی", FatherName = "حسین", BirthDate = new DateOnly(1970, 3, 1) };
        var certificate = new Certificate
        {
            Number = "1386-08-" + Random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Person = person,
            StandardId = standardId,
            ExamDate = new DateOnly(2007, 6, 1),
            IssueDate = new DateOnly(2007, 7, 1),
            ProvinceId = provinceId,
            TrainingCenter = "مرکز آموزش فنی و حرفه‌ای شماره ۱ تهران",
            Status = CertificateStatus.Valid,
            Program = TrainingProgram.Tvto,
            Source = RecordSource.DigitizedFromPaper,
            VerificationCode = VerificationCode.New(),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }
}
