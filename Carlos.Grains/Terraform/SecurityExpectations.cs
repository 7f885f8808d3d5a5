using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>
/// What the security review promised that the Terraform must keep: read from the report's security controls, in
/// the words the security analyst is asked to use (private endpoints, customer-managed keys, a TLS minimum).
/// </summary>
internal sealed record SecurityExpectations(bool PrivateEndpoints, bool CustomerManagedKeys, bool Tls12Minimum)
{
    public static SecurityExpectations None { get; } = new(false, false, false);

    public static SecurityExpectations From(SecurityReport? report)
    {
        if (report is null)
        {
            return None;
        }

        bool Promised(params string[] words) => report.SecurityControls.Any(control =>
            words.Any(w => control.Contains(w, StringComparison.OrdinalIgnoreCase)));

        return new SecurityExpectations(
            Promised("private endpoint"),
            Promised("customer-managed key", "customer managed key"),
            Promised("TLS 1.2", "TLS1.2", "TLS 1.3"));
    }
}
