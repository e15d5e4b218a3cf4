using Platform.IntegrationEvents.Contracts;
using Platform.Messaging.Inbox;
using Platform.Outcomes.Data;
using Platform.Persistence.Sessions;

namespace Platform.Outcomes.Events;

// The contracts service's events, applied once each (inbox) in the event's municipality context. They tell which
// providers may report on which populations, and which result agreements the evaluator holds the results against.

internal sealed class ContractActivatedConsumer(Database database) : InboxConsumer<ContractActivated>(database)
{
    protected override Task HandleAsync(ContractActivated message, DbSession session, CancellationToken ct) =>
        ContractStore.UpsertAsync(session, message.Contract, null, ct);
}

internal sealed class ContractAmendedConsumer(Database database) : InboxConsumer<ContractAmended>(database)
{
    protected override Task HandleAsync(ContractAmended message, DbSession session, CancellationToken ct) =>
        ContractStore.UpsertAsync(session, message.Contract, null, ct);
}

/// <summary>An ended contract keeps its measurements and evaluations; its term ends on the day it ended.</summary>
internal sealed class ContractEndedConsumer(Database database) : InboxConsumer<ContractEnded>(database)
{
    protected override Task HandleAsync(ContractEnded message, DbSession session, CancellationToken ct) =>
        ContractStore.UpsertAsync(session, message.Contract with { EndsOn = message.EndedOn }, "ended", ct);
}
