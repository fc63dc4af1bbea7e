namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed class ImportResult
{
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>
    /// Rows whose national code belongs to a stored holder with another name: the stored name is kept (an import never
    /// renames a holder) and the row is listed here for staff to check (ADR-019).
    /// </summary>
    public List<ImportNameConflict> NameConflicts { get; } = [];

    public bool Succeeded => Errors.Count == 0;

    public int Rows => Inserted + Updated + Unchanged;

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int PeopleInserted { get; set; }

    public int PeopleUpdated { get; set; }

    public int StandardsInserted { get; set; }

    public int StandardsUpdated { get; set; }

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new() { Errors = errors };
}

/// <summary>A row that names an existing holder differently; the holder keeps <see cref="StoredName"/>.</summary>
public sealed record ImportNameConflict(int Line, string NationalCode, string StoredName, string NameInFile);
