using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.UnitTests.Requests;

public sealed class AnswerProposalTests
{
    private static AnswerProposal Proposal() => new()
    {
        RequestId = 1,
        Outcome = AnswerOutcome.NotFound,
        ProposedByUserId = "expert",
        ProposedByName = "کارشناس",
        ProposedAtUtc = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void The_proposer_can_neither_approve_nor_return_their_own_answer()
    {
        var proposal = Proposal();

        Assert.False(proposal.CanBeDecidedBy("expert"));
        Assert.Throws<SelfApprovalException>(() => proposal.Approve("expert", "کارشناس", DateTime.UtcNow, null));
        Assert.Throws<SelfApprovalException>(() => proposal.Return("expert", "کارشناس", DateTime.UtcNow, "پس گرفته شد"));
        Assert.True(proposal.IsPending);
    }

    [Fact]
    public void Another_person_decides_once_and_a_return_needs_a_note()
    {
        var approved = Proposal();
        var returned = Proposal();

        approved.Approve("manager", "مدیر", DateTime.UtcNow, null);
        Assert.Throws<ArgumentException>(() => returned.Return("manager", "مدیر", DateTime.UtcNow, " "));
        returned.Return("manager", "مدیر", DateTime.UtcNow, "دفتر سال ۱۳۸۷ را ببینید");

        Assert.Equal((ProposalDecision.Approved, "manager"), (approved.Decision!.Value, approved.DecidedByUserId));
        Assert.Equal(ProposalDecision.Returned, returned.Decision);
        Assert.Throws<InvalidOperationException>(() => approved.Return("manager2", "مدیر", DateTime.UtcNow, "دیر شد"));
    }

    [Fact]
    public void A_confirmed_answer_without_a_linked_certificate_digitizes_the_paper_one()
    {
        var digitized = Proposal();
        digitized.Outcome = AnswerOutcome.Confirmed;
        var linked = Proposal();
        linked.Outcome = AnswerOutcome.Confirmed;
        linked.LinkedCertificateId = 7;

        Assert.True(digitized.DigitizesPaperCertificate);
        Assert.False(linked.DigitizesPaperCertificate);
        Assert.False(Proposal().DigitizesPaperCertificate);
    }
}
