using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>The applicant's request while it is being filled in: found through the browser's access cookie.</summary>
public sealed class RequestDrafts(AppDbContext db, RequestAccess access, TimeProvider clock)
{
    /// <summary>Starts a draft, carrying over what the person typed in a failed online lookup.</summary>
    public async Task<InquiryRequest> CreateAsync(HttpContext context, string? nationalCode, string? certificateNumber, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new InquiryRequest
        {
            AccessKey = RequestAccess.NewAccessKey(),
            NationalCode = HolderIdentifier.IsValid(nationalCode) ? nationalCode : null,
            CertificateNumber = string.IsNullOrEmpty(certificateNumber) || certificateNumber.Length > DataLimits.CertificateNumber ? null : certificateNumber,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        access.Grant(context, request.AccessKey);
        return request;
    }

    /// <summary>The request this browser holds (any status), with its documents; null when it holds none.</summary>
    public async Task<InquiryRequest?> FindCurrentAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var accessKey = access.AccessKeyOf(context);
        if (accessKey is null)
        {
            return null;
        }

        return await db.Requests.Include(r => r.Documents).Include(r => r.Standard).Include(r => r.Province)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.AccessKey == accessKey, cancellationToken);
    }

    /// <summary>Saves the draft's changes; a new <see cref="InquiryRequest.Version"/> makes a concurrent save from another tab fail instead of overwriting.</summary>
    public async Task SaveAsync(InquiryRequest request, CancellationToken cancellationToken)
    {
        request.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        request.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The standard whose code or title the applicant typed, if it is one of ours.</summary>
    public Task<TrainingStandard?> FindStandardAsync(string trade, CancellationToken cancellationToken)
    {
        var code = PersianText.NormalizeCode(trade);
        return db.TrainingStandards.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Code == code || s.Title == trade, cancellationToken);
    }

    /// <summary>Standards whose title or code contains the text, for the trade field's suggestions.</summary>
    public async Task<IReadOnlyList<StandardSuggestion>> SuggestStandardsAsync(string text, CancellationToken cancellationToken)
    {
        var normalized = PersianText.Normalize(text);
        var code = PersianText.NormalizeCode(text);
        if (normalized.Length < 2)
        {
            return [];
        }

        return await db.TrainingStandards.AsNoTracking()
            .Where(s => s.Title.Contains(normalized) || s.Code.StartsWith(code))
            .OrderBy(s => s.Title)
            .Take(20)
            .Select(s => new StandardSuggestion(s.Code, s.Title))
            .ToListAsync(cancellationToken);
    }
}

public sealed record StandardSuggestion(string Code, string Title);
