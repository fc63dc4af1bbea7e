namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed class ImportResult
{
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

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
