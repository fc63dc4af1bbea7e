namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>Where a paper letter stands (read from its rows, see <see cref="PaperLetter.StatusFor"/>).</summary>
public enum PaperLetterStatus
{
    /// <summary>Some rows wait for their inquiry request to be answered.</summary>
    Open,

    /// <summary>Every row is answered: the answer letter can be issued.</summary>
    AllRowsAnswered,

    AnswerLetterIssued,
}
