using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>
/// Every reference to a resource, data source, variable, local or module resolves to a declaration in the module.
/// Names bound by <c>for</c> expressions, template <c>for</c> directives and <c>dynamic</c> blocks, and Terraform's
/// own objects (<c>count</c>, <c>each</c>, <c>self</c>, <c>path</c>, <c>terraform</c>), need no declaration.
/// </summary>
internal sealed partial class ReferenceRule : ITerraformRule
{
    private static readonly ImmutableHashSet<string> BuiltIns =
        ["count", "each", "self", "path", "terraform"];

    public IEnumerable<TerraformFinding> Check(TerraformCheckInput input)
    {
        var findings = new List<TerraformFinding>();
        foreach (var (file, block) in input.Module.Blocks)
        {
            if (block.Type is "terraform" or "moved" or "import" or "removed")
            {
                continue;
            }

            CheckBody(input.Module, file, block, ImmutableHashSet<string>.Empty, findings);
        }

        return findings;
    }

    private static void CheckBody(
        TerraformModule module, string file, HclBlock block, ImmutableHashSet<string> bound,
        List<TerraformFinding> findings)
    {
        foreach (var attribute in block.Body.Attributes)
        {
            var typeConstraint = block.Type == "variable" && attribute.Name == "type";
            if (!typeConstraint && !(block.Type == "lifecycle" && attribute.Name == "ignore_changes"))
            {
                CheckExpression(module, file, attribute.Value, bound, findings);
            }
        }

        foreach (var child in block.Body.Blocks)
        {
            var inner = bound;
            if (block.Type == "dynamic" && child.Type == "content")
            {
                inner = inner.Add(block.Body.Attribute("iterator")?.Value.Text ?? block.Label(0) ?? "");
            }

            CheckBody(module, file, child, inner, findings);
        }
    }

    private static void CheckExpression(
        TerraformModule module, string file, HclExpression expression, ImmutableHashSet<string> bound,
        List<TerraformFinding> findings)
    {
        if (expression.Kind is HclExpressionKind.For)
        {
            bound = bound.Union(expression.Text!.Split(','));
        }
        else if (expression.Kind is HclExpressionKind.Template)
        {
            bound = bound.Union(expression.Children.Where(c => c.Kind == HclExpressionKind.For)
                .SelectMany(c => c.Text!.Split(',')));
        }
        else if (expression.Kind is HclExpressionKind.Traversal
                 && Unresolved(module, expression.Text!, bound) is { } why)
        {
            findings.Add(new TerraformFinding(file, expression.Line, TerraformRuleIds.UnresolvedReference,
                TerraformFindingLevel.Error, why));
        }

        foreach (var child in expression.Children)
        {
            CheckExpression(module, file, child, bound, findings);
        }
    }

    private static string? Unresolved(TerraformModule module, string path, ImmutableHashSet<string> bound)
    {
        var parts = path.Split('.');
        var root = parts[0];
        if (bound.Contains(root) || BuiltIns.Contains(root))
        {
            return null;
        }

        var (length, kind) = root switch
        {
            "var" => (2, "variable"),
            "local" => (2, "local value"),
            "module" => (2, "module"),
            "data" => (3, "data source"),
            _ when ResourceType().IsMatch(root) && parts.Length >= 2 => (2, "resource"),
            _ => (0, ""),
        };
        if (length == 0)
        {
            return null;
        }

        if (parts.Length < length)
        {
            return $"The reference \"{path}\" is incomplete: it names no {kind}.";
        }

        var address = string.Join('.', parts.Take(length));
        return module.Declared.Contains(address)
            ? null
            : $"The reference \"{address}\" does not resolve: the module declares no such {kind}.";
    }

    [GeneratedRegex("^[a-z][a-z0-9]*_[a-z0-9_]+$")]
    private static partial Regex ResourceType();
}
