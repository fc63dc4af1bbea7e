using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.UnitTests.Requests;

public class RequestStateMachineTests
{
    // The states, written out here independently of the implementation:
    // Draft → Submitted → UnderReview → NeedsMoreDocuments ⇄ UnderReview → AwaitingVisit → UnderReview → Answered.
    private static readonly HashSet<(RequestStatus From, RequestStatus To)> Legal =
    [
        (RequestStatus.Draft, RequestStatus.Submitted),
        (RequestStatus.Submitted, RequestStatus.UnderReview),
        (RequestStatus.UnderReview, RequestStatus.NeedsMoreDocuments),
        (RequestStatus.UnderReview, RequestStatus.AwaitingVisit),
        (RequestStatus.UnderReview, RequestStatus.Answered),
        (RequestStatus.NeedsMoreDocuments, RequestStatus.UnderReview),
        (RequestStatus.AwaitingVisit, RequestStatus.UnderReview),
        (RequestStatus.AwaitingVisit, RequestStatus.AwaitingVisit), // a visit moved to another time
    ];

    private static IEnumerable<(RequestStatus From, RequestStatus To)> AllPairs() =>
        from source in Enum.GetValues<RequestStatus>()
        from target in Enum.GetValues<RequestStatus>()
        select (source, target);

    public static TheoryData<RequestStatus, RequestStatus> LegalPairs() => ToTheoryData(AllPairs().Where(Legal.Contains));

    public static TheoryData<RequestStatus, RequestStatus> IllegalPairs() => ToTheoryData(AllPairs().Where(pair => !Legal.Contains(pair)));

    // Only these targets have their own method that carries details (tracking code, appointment, outcome).
    private static readonly HashSet<RequestStatus> TargetsWithDetails = [RequestStatus.Submitted, RequestStatus.AwaitingVisit, RequestStatus.Answered];

    public static TheoryData<RequestStatus, RequestStatus> IllegalPairsIntoTargetsWithDetails() =>
        ToTheoryData(AllPairs().Where(pair => !Legal.Contains(pair) && TargetsWithDetails.Contains(pair.To)));

    [Fact]
    public void There_are_eight_legal_moves_and_twenty_eight_illegal_ones_among_the_thirty_six_pairs_fourteen_into_states_with_details()
    {
        Assert.Equal(36, AllPairs().Count());
        Assert.Equal(8, LegalPairs().Count);
        Assert.Equal(28, IllegalPairs().Count);
        Assert.Equal(14, IllegalPairsIntoTargetsWithDetails().Count);
    }

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public void A_legal_move_is_allowed_and_recorded(RequestStatus from, RequestStatus to)
    {
        Assert.True(RequestStateMachine.CanMove(from, to));
        Assert.Contains(to, RequestStateMachine.NextFrom(from));
        var request = RequestBuilder.In(from);
        var before = request.Transitions.Count;

        var transition = RequestBuilder.Move(request, to);

        Assert.Equal(to, request.Status);
        Assert.Equal(before + 1, request.Transitions.Count);
        Assert.Same(transition, request.Transitions[^1]);
        Assert.Equal(from, transition.From);
        Assert.Equal(to, transition.To);
        Assert.Equal(transition.AtUtc, request.UpdatedAtUtc);
        Assert.False(string.IsNullOrEmpty(transition.Actor));
        Assert.False(string.IsNullOrEmpty(transition.ActorName));
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void An_illegal_move_throws_and_changes_nothing(RequestStatus from, RequestStatus to)
    {
        Assert.False(RequestStateMachine.CanMove(from, to));
        Assert.DoesNotContain(to, RequestStateMachine.NextFrom(from));
        var request = RequestBuilder.In(from);
        var (transitions, dueOn, version, updatedAt) = (request.Transitions.ToList(), request.DueOn, request.Version, request.UpdatedAtUtc);

        var refused = Assert.Throws<IllegalTransitionException>(() =>
            request.MoveTo(to, RequestBuilder.StaffId, RequestBuilder.StaffName, RequestBuilder.Start.AddDays(30), new DateOnly(2030, 1, 1), "note"));

        Assert.Equal(from, refused.From);
        Assert.Equal(to, refused.To);
        Assert.Equal(from, request.Status);
        Assert.Equal(transitions, request.Transitions);
        Assert.Equal(dueOn, request.DueOn);
        Assert.Equal(version, request.Version);
        Assert.Equal(updatedAt, request.UpdatedAtUtc);
    }

    [Theory]
    [MemberData(nameof(IllegalPairsIntoTargetsWithDetails))]
    public void An_illegal_move_is_refused_by_the_methods_that_carry_details_too(RequestStatus from, RequestStatus to)
    {
        var request = RequestBuilder.In(from);
        var (transitions, dueOn, trackingCode) = (request.Transitions.ToList(), request.DueOn, request.TrackingCode);

        var refused = Assert.Throws<IllegalTransitionException>(() => RequestBuilder.Move(request, to));

        Assert.Equal(from, refused.From);
        Assert.Equal(to, refused.To);
        Assert.Equal(from, request.Status);
        Assert.Equal(transitions, request.Transitions);
        Assert.Equal(dueOn, request.DueOn);
        Assert.Equal(trackingCode, request.TrackingCode);
    }

    [Theory]
    [InlineData(RequestStatus.Draft, RequestStatus.Submitted)]
    [InlineData(RequestStatus.UnderReview, RequestStatus.AwaitingVisit)]
    [InlineData(RequestStatus.UnderReview, RequestStatus.Answered)]
    public void A_legal_move_that_needs_details_is_refused_by_the_plain_MoveTo(RequestStatus from, RequestStatus to)
    {
        // Otherwise a request could be submitted without a tracking code, await a visit with no appointment, or be
        // answered with no outcome: states the tracking page and the back-office could not show.
        var request = RequestBuilder.In(from);
        var transitions = request.Transitions.Count;

        var refused = Assert.Throws<InvalidOperationException>(() =>
            request.MoveTo(to, RequestBuilder.StaffId, RequestBuilder.StaffName, RequestBuilder.Start.AddDays(1), null));

        Assert.IsNotType<IllegalTransitionException>(refused);
        Assert.Equal(from, request.Status);
        Assert.Equal(transitions, request.Transitions.Count);
    }

    [Fact]
    public void Answered_is_final()
    {
        Assert.Empty(RequestStateMachine.NextFrom(RequestStatus.Answered));
    }

    [Fact]
    public void A_whole_journey_records_one_unbroken_chain_of_moves()
    {
        var request = RequestBuilder.Draft();
        RequestStatus[] journey =
        [
            RequestStatus.Submitted, RequestStatus.UnderReview, RequestStatus.NeedsMoreDocuments, RequestStatus.UnderReview,
            RequestStatus.AwaitingVisit, RequestStatus.UnderReview, RequestStatus.Answered,
        ];

        foreach (var status in journey)
        {
            RequestBuilder.Move(request, status);
        }

        Assert.Equal(journey, request.Transitions.Select(t => t.To));
        Assert.Equal(RequestStatus.Draft, request.Transitions[0].From);
        for (var i = 1; i < request.Transitions.Count; i++)
        {
            Assert.Equal(request.Transitions[i - 1].To, request.Transitions[i].From);
            Assert.True(request.Transitions[i].AtUtc > request.Transitions[i - 1].AtUtc);
        }
    }

    private static TheoryData<RequestStatus, RequestStatus> ToTheoryData(IEnumerable<(RequestStatus From, RequestStatus To)> pairs)
    {
        var data = new TheoryData<RequestStatus, RequestStatus>();
        foreach (var (from, to) in pairs)
        {
            data.Add(from, to);
        }

        return data;
    }
}
