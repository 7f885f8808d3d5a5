using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in reliability analyst. The composite SLA multiplies the SLAs of the services a request passes through
/// in a region (compute, data, networking and messaging), then combines regions as independent replicas behind the
/// global entry services.
/// </summary>
internal sealed class ReliabilityReviewer(ServiceCatalog catalog)
{
    private static readonly HashSet<string> NotOnRequestPath = ["vnet", "private_endpoint"];

    public ReliabilityReport Review(DesignPlan plan, DesignSettings settings)
    {
        var onPath = plan.Components
            .Where(c => !NotOnRequestPath.Contains(c.ServiceId) && catalog.Get(c.ServiceId).Category
                is ServiceCategory.Compute or ServiceCategory.Database or ServiceCategory.Storage
                or ServiceCategory.Networking or ServiceCategory.Integration)
            .ToList();
        var global = onPath.Where(c => c.ServiceId is "front_door" or "static_web_apps").ToList();
        var regional = onPath.Except(global).Where(c => c.Region == DesignPlan.PrimaryRegion).ToList();

        var regionAvailability = regional.Aggregate(1.0, (a, c) => a * Sla(c));
        var combined = 1 - Math.Pow(1 - regionAvailability, plan.Regions);
        var composite = global.Aggregate(combined, (a, c) => a * Sla(c)) * 100;

        var weak = regional
            .Where(c => Sla(c) < 0.999 || (c.Quantity == 1 && catalog.Get(c.ServiceId).SelfManaged))
            .Select(c => $"{c.Name} ({c.Sku}, {Sla(c) * 100:0.##}% SLA)")
            .ToList();
        if (plan.Regions == 1 && settings.Reliability == ReliabilityTarget.Extreme)
        {
            weak.Add("The whole design runs in a single region");
        }

        var measures = new List<string>();
        if (plan.Regions > 1)
        {
            measures.Add("Active-passive deployment in a second region with global traffic routing");
            measures.Add("Geo-replication of every data store to the secondary region");
        }

        measures.AddRange(regional.Where(c => c.Tier == CostPerformance.PerformanceOptimized)
            .Select(c => $"{c.Name} on a zone-redundant tier"));
        measures.Add("Automated backups with point-in-time restore on every database");

        var multiRegion = plan.Regions > 1;
        return new ReliabilityReport(
            EstimatedSlaPercentage: Math.Round(composite, 3),
            SinglePointsOfFailure: weak,
            RedundancyMeasures: measures,
            DisasterRecoveryRtoHours: multiRegion ? 1 : 8,
            DisasterRecoveryRpoHours: multiRegion ? 0.25 : 1,
            MonitoringRecommendations:
            [
                "Availability alerts in Azure Monitor for every public endpoint",
                "Health probes and availability tests on the entry points",
                "Alerts on database failover, CPU and storage thresholds",
            ],
            Regions: plan.Regions);
    }

    private double Sla(PlannedComponent component) =>
        ServiceCatalog.SkuFor(catalog.Get(component.ServiceId), component.Tier).SlaPercent / 100;
}
