using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// The queue's filters, from the query string (a GET form, so a filtered queue can be bookmarked and the back button
/// works). Only what staff typed into the search box can hold personal data; the request log never records query
/// strings.
/// </summary>
public sealed class QueueQuery
{
    public const string AssignedToMe = "me";
    public const string AssignedToNobody = "nobody";
    public const string SortOldest = "oldest";
    public const string SortNewest = "newest";
    public const string SortDue = "due";
    public const int PageSize = 25;

    /// <summary>A <see cref="RequestStatus"/> name; empty for every status but drafts.</summary>
    public string? Status { get; set; }

    public bool Overdue { get; set; }

    /// <summary>Only requests whose proposed answer waits for a manager.</summary>
    public bool AwaitingApproval { get; set; }

    /// <summary>Submitted on or after this Jalali date (typed).</summary>
    public string? From { get; set; }

    /// <summary>Submitted on or before this Jalali date (typed).</summary>
    public string? To { get; set; }

    /// <summary>"me", "nobody" or a colleague's user id; empty for anyone.</summary>
    public string? Assigned { get; set; }

    /// <summary>A tracking code, a national code, or (part of) the applicant's name.</summary>
    public string? Q { get; set; }

    /// <summary>National admins only: one province.</summary>
    public int? Province { get; set; }

    public string? Sort { get; set; }

    /// <summary>The page as typed in the address; <see cref="Paging"/> reads and bounds it.</summary>
    public string? Page { get; set; }

    public RequestStatus? ParsedStatus =>
        Enum.TryParse<RequestStatus>(Status, out var status) && Enum.IsDefined(status) && status != RequestStatus.Draft ? status : null;

    public string SortOrDefault => Sort is SortNewest or SortDue ? Sort : SortOldest;

    public void Normalize()
    {
        Q = PersianText.Normalize(Q);
        From = PersianText.NormalizeCode(From);
        To = PersianText.NormalizeCode(To);
    }

    /// <summary>A copy with some filters changed, for the links of the tabs.</summary>
    public QueueQuery With(Action<QueueQuery> change)
    {
        var copy = (QueueQuery)MemberwiseClone();
        change(copy);
        return copy;
    }

    /// <summary>The address of one page (the first unless said) of this filtered queue, with only the filters that are set.</summary>
    public string Url(int page = 1)
    {
        var values = new Dictionary<string, string?>
        {
            [nameof(Status)] = ParsedStatus?.ToString(),
            [nameof(Overdue)] = Overdue ? "true" : null,
            [nameof(AwaitingApproval)] = AwaitingApproval ? "true" : null,
            [nameof(From)] = NullIfEmpty(From),
            [nameof(To)] = NullIfEmpty(To),
            [nameof(Assigned)] = NullIfEmpty(Assigned),
            [nameof(Q)] = NullIfEmpty(Q),
            [nameof(Province)] = Province?.ToString(CultureInfo.InvariantCulture),
            [nameof(Sort)] = SortOrDefault == SortOldest ? null : SortOrDefault,
            [nameof(Page)] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/admin/requests", values.Where(v => v.Value is not null));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>One line of the queue.</summary>
public sealed record QueueRow(
    long Id,
    string? TrackingCode,
    string ApplicantName,
    string Trade,
    string? ProvinceName,
    RequestStatus Status,
    DateTime? SubmittedAtUtc,
    DateOnly? DueOn,
    bool IsOverdue,
    string? AssignedToName,
    bool AwaitingApproval);

/// <summary>The queue page: filters, counts per status, one page of rows.</summary>
public sealed record QueuePage(
    QueueQuery Query,
    IReadOnlyList<QueueRow> Rows,
    Paging Paging,
    IReadOnlyDictionary<RequestStatus, int> CountsByStatus,
    int OverdueCount,
    int AwaitingApprovalCount,
    bool IsNationalAdmin,
    IReadOnlyList<(string Value, string Text)> Provinces,
    IReadOnlyList<Colleague> Colleagues,
    string? ScopeName)
{
    public int AllCount => CountsByStatus.Values.Sum();

    public int Total => Paging.TotalCount;
}

/// <summary>Reads the queue within the signed-in user's scope: their province, or every province for national admins.</summary>
public sealed class RequestQueueReader(AppDbContext db, StaffScope scope, RequestCaseReader cases, TimeProvider clock)
{
    public async Task<QueuePage> ReadAsync(QueueQuery query, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var today = IranTime.Today(clock);
        var from = modelState.ParseFilterDate(query.From, nameof(QueueQuery.From), "تاریخ آغاز");
        var to = modelState.ParseFilterDate(query.To, nameof(QueueQuery.To), "تاریخ پایان");
        if (from is not null && to is not null && from > to)
        {
            modelState.AddModelError(nameof(QueueQuery.To), "تاریخ پایان نمی‌تواند پیش از تاریخ آغاز باشد.");
        }

        // Drafts are the applicant's own until paid: staff never see them.
        var scoped = scope.Restrict(db.Requests.AsNoTracking(), r => r.ProvinceId).Where(r => r.Status != RequestStatus.Draft);
        if (scope.IsNationalAdmin && query.Province is { } province)
        {
            scoped = scoped.Where(r => r.ProvinceId == province);
        }
        else if (!scope.IsNationalAdmin)
        {
            query.Province = null;
        }

        var counts = await scoped.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var overdueCount = await scoped.CountAsync(r => r.DueOn != null && r.DueOn < today, cancellationToken);
        var awaitingCount = await scoped.CountAsync(r => db.AnswerProposals.Any(p => p.RequestId == r.Id && p.Decision == null), cancellationToken);

        var filtered = scoped;
        if (query.ParsedStatus is { } status)
        {
            filtered = filtered.Where(r => r.Status == status);
        }

        if (query.Overdue)
        {
            filtered = filtered.Where(r => r.DueOn != null && r.DueOn < today);
        }

        if (query.AwaitingApproval)
        {
            filtered = filtered.Where(r => db.AnswerProposals.Any(p => p.RequestId == r.Id && p.Decision == null));
        }

        if (from is { } fromDate)
        {
            var fromUtc = IranTime.StartOfDayUtc(fromDate);
            filtered = filtered.Where(r => r.SubmittedAtUtc >= fromUtc);
        }

        if (to is { } toDate)
        {
            var beforeUtc = IranTime.StartOfDayUtc(toDate.AddDays(1));
            filtered = filtered.Where(r => r.SubmittedAtUtc < beforeUtc);
        }

        filtered = query.Assigned switch
        {
            null or "" => filtered,
            QueueQuery.AssignedToMe => filtered.Where(r => r.AssignedToUserId == scope.UserId),
            QueueQuery.AssignedToNobody => filtered.Where(r => r.AssignedToUserId == null),
            var userId => filtered.Where(r => r.AssignedToUserId == userId),
        };

        filtered = Search(filtered, query.Q);

        var sorted = query.SortOrDefault switch
        {
            QueueQuery.SortNewest => filtered.OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id),
            QueueQuery.SortDue => filtered.OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id),
            _ => filtered.OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id),
        };

        var paging = Paging.For(query.Page, QueueQuery.PageSize, await filtered.CountAsync(cancellationToken));
        var rows = await sorted
            .Page(paging)
            .Select(r => new
            {
                r.Id,
                r.TrackingCode,
                r.FirstName,
                r.LastName,
                Trade = r.Standard != null ? r.Standard.Title : r.TradeText,
                Province = r.Province != null ? r.Province.Name : null,
                r.Status,
                r.SubmittedAtUtc,
                r.DueOn,
                Assigned = db.Users.Where(u => u.Id == r.AssignedToUserId).Select(u => u.FullName).FirstOrDefault(),
                AwaitingApproval = db.AnswerProposals.Any(p => p.RequestId == r.Id && p.Decision == null),
            })
            .ToListAsync(cancellationToken);

        var provinces = scope.IsNationalAdmin
            ? (await db.Provinces.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
                .Select(p => (p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToList()
            : [];
        var colleagueProvince = scope.ProvinceId ?? query.Province;
        var scopeName = colleagueProvince is { } provinceId
            ? await db.Provinces.AsNoTracking().Where(p => p.Id == provinceId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new QueuePage(
            query,
            rows.Select(r => new QueueRow(
                r.Id, r.TrackingCode, $"{r.FirstName} {r.LastName}".Trim(), r.Trade ?? "—", r.Province, r.Status, r.SubmittedAtUtc, r.DueOn,
                r.DueOn is { } due && due < today, r.Assigned, r.AwaitingApproval)).ToList(),
            paging,
            counts.ToDictionary(c => c.Key, c => c.Count),
            overdueCount,
            awaitingCount,
            scope.IsNationalAdmin,
            provinces,
            await cases.ColleaguesAsync(colleagueProvince, cancellationToken),
            scopeName);
    }

    /// <summary>
    /// Digits alone are a tracking code (12), a national code (10) or a foreign national's identifier (12); anything else is matched word by word against
    /// the first and last names. The search text is normalized like the stored names (ي/ی, ك/ک, digits, spaces).
    /// </summary>
    private static IQueryable<Domain.Requests.InquiryRequest> Search(IQueryable<Domain.Requests.InquiryRequest> requests, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return requests;
        }

        var code = PersianText.NormalizeCode(text);
        if (code.All(char.IsAsciiDigit))
        {
            return requests.Where(r => r.TrackingCode == code || r.NationalCode == code);
        }

        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            requests = requests.Where(r => r.FirstName!.Contains(word) || r.LastName!.Contains(word));
        }

        return requests;
    }
}
