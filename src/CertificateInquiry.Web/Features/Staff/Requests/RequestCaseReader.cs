using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>Reads a request for the case page, only within the signed-in user's scope (null otherwise).</summary>
public sealed class RequestCaseReader(AppDbContext db, StaffScope scope, TimeProvider clock)
{
    public async Task<RequestCase?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var request = await scope.Restrict(db.Requests.AsNoTracking(), r => r.ProvinceId)
            .Where(r => r.Id == id && r.Status != RequestStatus.Draft)
            .Include(r => r.Standard).Include(r => r.Province)
            .Include(r => r.Transitions).Include(r => r.Documents).Include(r => r.Messages)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var proposals = await db.AnswerProposals.AsNoTracking().Where(p => p.RequestId == id)
            .OrderBy(p => p.ProposedAtUtc).ThenBy(p => p.Id)
            .Select(p => new
            {
                Proposal = p,
                StandardTitle = db.TrainingStandards.Where(s => s.Id == p.StandardId).Select(s => s.Title).FirstOrDefault(),
                LinkedNumber = db.Certificates.Where(c => c.Id == p.LinkedCertificateId).Select(c => c.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var answerNumber = request.AnswerCertificateId is { } certificateId
            ? await db.Certificates.AsNoTracking().Where(c => c.Id == certificateId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        var colleagues = await ColleaguesAsync(request.ProvinceId, cancellationToken);

        // Offered only to whom the letter's own download would give it (the same province check).
        var letter = await db.AnswerLetters.AsNoTracking().Where(l => l.RequestId == id)
            .Select(l => new { l.LetterNumber, l.IssuedAtUtc, l.ProvinceId })
            .FirstOrDefaultAsync(cancellationToken);
        var caseLetter = letter is not null && scope.CanSee(letter.ProvinceId) ? new CaseLetter(letter.LetterNumber, letter.IssuedAtUtc) : null;
        var assignedName = request.AssignedToUserId is { } assignedId
            ? colleagues.FirstOrDefault(c => c.Id == assignedId)?.Name
                ?? await db.Users.AsNoTracking().Where(u => u.Id == assignedId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken)
            : null;

        var notifications = await db.Outbox.AsNoTracking().Where(m => m.RequestId == id)
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
            .Select(m => new CaseNotification(m.Channel, m.Recipient, m.CreatedAtUtc, m.SentAtUtc, m.AbandonedAtUtc, m.Attempts, m.LastError, m.Delivery))
            .ToListAsync(cancellationToken);

        return new RequestCase(
            request,
            request.Standard?.Title,
            request.Standard?.Code,
            request.Province?.Name,
            assignedName,
            answerNumber,
            IsOverdue: request.DueOn is { } due && due < IranTime.Today(clock),
            request.Documents.OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id)
                .Select(d => new CaseDocument(d.Id, d.Kind, d.OriginalName, d.ContentType, d.Length, d.UploadedAtUtc, d.UploadedInStatus)).ToList(),
            request.Transitions.OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
                .Select(t => new CaseTransition(t.AtUtc, t.From, t.To, t.ActorName, t.Note)).ToList(),
            request.Messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
                .Select(m => new CaseMessage(m.AtUtc, m.AuthorName, m.Text, m.IsInternal)).ToList(),
            proposals.Select(p => new CaseProposal(p.Proposal, p.StandardTitle, p.LinkedNumber)).ToList(),
            colleagues,
            notifications,
            caseLetter);
    }

    /// <summary>The active provincial staff of <paramref name="provinceId"/>, by name.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(int? provinceId, CancellationToken cancellationToken)
    {
        if (provinceId is null)
        {
            return [];
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => u.ProvinceId == provinceId && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Select(ur => ur.RoleId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return users
            .Where(u => u.Role is StaffRoles.ProvincialExpert or StaffRoles.ProvincialManager)
            .Select(u => new Colleague(u.Id, string.IsNullOrEmpty(u.FullName) ? u.Email ?? u.Id : u.FullName, StaffRoles.PersianTitle(u.Role!)))
            .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fa-IR"), ignoreCase: false))
            .ToList();
    }

    /// <summary>The training standards for the proposal form, by title.</summary>
    public async Task<IReadOnlyList<(string Value, string Text)>> StandardsAsync(CancellationToken cancellationToken)
    {
        var standards = await db.TrainingStandards.AsNoTracking()
            .OrderBy(s => s.Title)
            .Select(s => new { s.Id, s.Code, s.Title })
            .ToListAsync(cancellationToken);
        return standards
            .Select(s => (s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), PersianText.ToPersianDigits(s.Title) + " (" + s.Code + ")"))
            .ToList();
    }
}
