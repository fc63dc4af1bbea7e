using System.Collections.Concurrent;
using System.Linq.Expressions;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>The reads through EF Core: compiled, untracked, one round trip each (SQL Server and PostgreSQL; see <see cref="SqliteCertificateLookups"/>).</summary>
public sealed class EfCertificateLookups(AppDbContext db) : ICertificateLookups
{
    private static readonly Expression<Func<Certificate, CertificateRecord>> Projection =
        c => new CertificateRecord(
            c.Id,
            c.Number,
            c.Kind,
            c.Person!.NationalCode,
            c.Person.FirstName,
            c.Person.LastName,
            c.Person.FatherName,
            c.Standard!.Title,
            c.Standard.Code,
            c.Standard.Hours,
            c.ExamDate,
            c.IssueDate,
            c.ExpiryDate,
            c.Province!.Name,
            c.TrainingCenter,
            c.Program,
            c.Status,
            c.VerificationCode,
            c.Person.Nationality);

    // A compiled query belongs to the model it first ran against: one set per context type (provider), so that a
    // process holding two providers' contexts (the tests: SQLite and PostgreSQL) never runs one against the other.
    private static readonly ConcurrentDictionary<Type, CompiledLookups> CompiledByContext = new();

    private CompiledLookups Compiled => CompiledByContext.GetOrAdd(db.GetType(), _ => new CompiledLookups());

    public Task<CertificateRecord?> FindAsync(string certificateNumber, string nationalCode) =>
        Compiled.ByNumberAndNationalCode(db, certificateNumber, nationalCode);

    public Task<CertificateRecord?> FindByNumberAsync(string certificateNumber) => Compiled.ByNumber(db, certificateNumber);

    public Task<CertificateRecord?> FindByVerificationCodeAsync(string verificationCode) =>
        Compiled.ByVerificationCode(db, verificationCode);

    public async Task<IReadOnlyList<CertificateRecord>> FindAllByNationalCodeAsync(string nationalCode)
    {
        var records = new List<CertificateRecord>();
        await foreach (var record in Compiled.ByNationalCode(db, nationalCode))
        {
            records.Add(record);
        }

        return records;
    }

    private sealed class CompiledLookups
    {
        public readonly Func<AppDbContext, string, string, Task<CertificateRecord?>> ByNumberAndNationalCode =
            EF.CompileAsyncQuery((AppDbContext context, string number, string nationalCode) =>
                context.Certificates.AsNoTracking().Where(c => c.Number == number && c.Person!.NationalCode == nationalCode)
                    .Select(Projection).FirstOrDefault());

        public readonly Func<AppDbContext, string, Task<CertificateRecord?>> ByNumber =
            EF.CompileAsyncQuery((AppDbContext context, string number) =>
                context.Certificates.AsNoTracking().Where(c => c.Number == number).Select(Projection).FirstOrDefault());

        public readonly Func<AppDbContext, string, Task<CertificateRecord?>> ByVerificationCode =
            EF.CompileAsyncQuery((AppDbContext context, string code) =>
                context.Certificates.AsNoTracking().Where(c => c.VerificationCode == code).Select(Projection).FirstOrDefault());

        public readonly Func<AppDbContext, string, IAsyncEnumerable<CertificateRecord>> ByNationalCode =
            EF.CompileAsyncQuery((AppDbContext context, string nationalCode) =>
                context.Certificates.AsNoTracking().Where(c => c.Person!.NationalCode == nationalCode)
                    .OrderBy(c => c.IssueDate).ThenBy(c => c.Id).Select(Projection));
    }
}
