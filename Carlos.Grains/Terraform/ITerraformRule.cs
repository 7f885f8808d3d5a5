using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>What every rule of the check sees: the parsed module, what the review promised, the types known.</summary>
internal sealed record TerraformCheckInput(
    TerraformModule Module, SecurityExpectations Expectations, KnownResourceTypes KnownTypes);

/// <summary>One rule of the Terraform check. Rules run only on a module whose files all parse.</summary>
internal interface ITerraformRule
{
    IEnumerable<TerraformFinding> Check(TerraformCheckInput input);
}
