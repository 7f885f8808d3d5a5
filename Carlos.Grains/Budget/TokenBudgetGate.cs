using Carlos.Contracts.Budget;
using Carlos.Contracts.Reports;
using Carlos.Grains.Hosting;
using Carlos.Grains.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Budget;

/// <summary>
/// The call gate of the cluster-wide budget: each attempt reserves in its deployment's <see cref="ITokenBudgetGrain"/>,
/// waits as a ticket it polls when the budget is full, and settles or releases when the attempt ends. A cancelled
/// caller leaves the queue, or gives back a reservation it never used.
/// </summary>
internal sealed partial class TokenBudgetGate(
    IGrainFactory grains,
    IOptions<TokenBudgetOptions> options,
    IOptions<ModelOptions> model,
    SpendCaps caps,
    ILogger<TokenBudgetGate> logger)
    : IModelCallGate
{
    private static readonly OpenModelCallGate Open = new();

    public async ValueTask<IModelCallPermit> AdmitAsync(ModelCallEstimate estimate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !model.Value.Deployments.TryGetValue(estimate.Deployment, out var deployment))
        {
            return await Open.AdmitAsync(estimate, cancellationToken);
        }

        var tenant = estimate.TenantId ?? "";
        if (tenant.Length > 0)
        {
            await caps.EnsureRoomAsync(tenant, estimate.ReservedTokens);
        }

        var scope = ModelCallScope.Current;
        var quota = new DeploymentQuota(deployment.TokensPerMinute, deployment.RequestsPerMinute, deployment.Provisioned);
        var ask = new BudgetAsk(Guid.NewGuid(), tenant, scope?.Priority ?? ModelCallPriority.Background,
            estimate.PromptTokens, estimate.MaxOutputTokens, quota, settings.LeaseDuration);
        var budget = grains.GetGrain<ITokenBudgetGrain>(estimate.Deployment);
        try
        {
            var grant = await budget.ReserveAsync(ask).WaitAsync(cancellationToken);
            var told = 0;
            while (grant.Status != BudgetGrantStatus.Admitted)
            {
                switch (grant.Status)
                {
                    case BudgetGrantStatus.TooLarge:
                        throw new ModelUnavailableException(
                            $"A call of {ask.ReservedTokens} tokens is larger than the whole quota of the model " +
                            $"deployment '{estimate.Deployment}' ({quota.TokensPerMinute} tokens per minute).");
                    case BudgetGrantStatus.Unknown:
                        grant = await budget.ReserveAsync(ask).WaitAsync(cancellationToken);
                        continue;
                }

                if (grant.Position != told)
                {
                    if (told == 0)
                    {
                        LogWaiting(logger, estimate.Deployment, tenant, grant.Position);
                    }

                    told = grant.Position;
                    scope?.Queued?.Invoke(grant.Position, grant.EstimatedStart);
                }

                grant = await budget.WaitAsync(ask.Ticket, settings.PollInterval).WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await LeaveAsync(budget, ask.Ticket);
            throw;
        }

        return new Permit(budget, ask, logger);
    }

    private async Task LeaveAsync(ITokenBudgetGrain budget, Guid ticket)
    {
        try
        {
            await budget.CancelAsync(ticket);
        }
        catch (Exception ex)
        {
            // The ticket is dropped by the grain once it stops being polled, or its lease returns the tokens.
            LogNotReported(logger, ex, "cancel");
        }
    }

    /// <summary>One admitted attempt; what it hears is passed on to the grain, and awaited when it is disposed.</summary>
    private sealed class Permit(ITokenBudgetGrain budget, BudgetAsk ask, ILogger logger) : IModelCallPermit
    {
        private readonly List<Task> _reports = [];
        private bool _settled;
        private bool _throttled;

        public void Settle(TokenUsage usage)
        {
            _settled = true;
            _reports.Add(budget.SettleAsync(new BudgetSettlement(ask.Ticket, ask.TenantId, ask.ReservedTokens,
                (int)usage.PromptTokens, (int)usage.CompletionTokens)));
        }

        public void Throttled(TimeSpan? retryAfter)
        {
            _throttled = true;
            _reports.Add(budget.ThrottledAsync(retryAfter ?? TimeSpan.FromSeconds(1)));
        }

        public void QuotaReported(long? remainingTokens, long? remainingRequests) =>
            _reports.Add(budget.QuotaReportedAsync(ask.Ticket, remainingTokens, remainingRequests));

        public async ValueTask DisposeAsync()
        {
            if (!_settled)
            {
                // Refused with 429, Azure charged nothing; otherwise the attempt went out and ended without usage.
                _reports.Add(_throttled ? budget.CancelAsync(ask.Ticket) : budget.ReleaseAsync(ask.Ticket));
            }

            try
            {
                await Task.WhenAll(_reports);
            }
            catch (Exception ex)
            {
                // The lease gives the tokens back in the end; the call itself went as it went.
                LogNotReported(logger, ex, "settle");
            }
        }
    }

    [LoggerMessage(EventId = 2155, Level = LogLevel.Information,
        Message = "Token budget {Deployment}: a call of tenant {Tenant} waits at position {Position}")]
    private static partial void LogWaiting(ILogger logger, string deployment, string tenant, int position);

    [LoggerMessage(EventId = 2156, Level = LogLevel.Warning,
        Message = "Token budget: the {What} of a call could not be reported to its budget grain")]
    private static partial void LogNotReported(ILogger logger, Exception exception, string what);
}
