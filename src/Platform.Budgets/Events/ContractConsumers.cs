using Platform.Budgets.Data;
using Platform.IntegrationEvents.Contracts;
using Platform.IntegrationEvents.Outcomes;
using Platform.Messaging.Inbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;

namespace Platform.Budgets.Events;

// The contracts service tells who is paid for which populations over which term, under which legal form;
// the outcomes service tells whether result agreements were met, which settles bonus and malus.

internal sealed class ContractActivatedConsumer(Database database) : InboxConsumer<ContractActivated>(database)
{
    protected override Task HandleAsync(ContractActivated message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertContractAsync(session, message.Contract, ct);
}

internal sealed class ContractAmendedConsumer(Database database) : InboxConsumer<ContractAmended>(database)
{
    protected override Task HandleAsync(ContractAmended message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertContractAsync(session, message.Contract, ct);
}

internal sealed class ContractEndedConsumer(Database database) : InboxConsumer<ContractEnded>(database)
{
    protected override Task HandleAsync(ContractEnded message, DbSession session, CancellationToken ct) =>
        ReadModelStore.EndContractAsync(session, message, ct);
}

internal sealed class ResultAgreementEvaluatedConsumer(Database database) : InboxConsumer<ResultAgreementEvaluated>(database)
{
    protected override Task HandleAsync(ResultAgreementEvaluated message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertEvaluationAsync(session, message, ct);
}
