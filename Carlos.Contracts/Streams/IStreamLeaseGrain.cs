namespace Carlos.Contracts.Streams;

/// <summary>
/// Counts one user's open event streams across every gateway, keyed <c>{tenant}/{user}</c>. A stream holds a lease
/// that it renews while open; a gateway that dies stops renewing, and its leases lapse.
/// </summary>
[Alias("Carlos.IStreamLeaseGrain")]
public interface IStreamLeaseGrain : IGrainWithStringKey
{
    /// <summary>Takes or renews a lease; false when the user already holds <paramref name="limit"/> others.</summary>
    [Alias("Acquire")]
    Task<bool> AcquireAsync(Guid leaseId, int limit, TimeSpan ttl);

    [Alias("Release")]
    Task ReleaseAsync(Guid leaseId);
}
