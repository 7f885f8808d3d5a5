using System.Text.Json.Nodes;
using Carlos.Grains.Agents;
using Carlos.Grains.Model;
using Carlos.Testing.AzureOpenAI;

namespace Carlos.Tests.AzureOpenAI;

public sealed class StrictSchemaTests
{
    public static TheoryData<AgentRole> StructuredRoles() =>
        new(Enum.GetValues<AgentRole>().Where(r => DesignAgents.OutputType(r) is not null));

    [Theory]
    [MemberData(nameof(StructuredRoles))]
    public void Every_schema_Carlos_sends_passes_the_strict_mode_check(AgentRole role)
    {
        var schema = JsonNode.Parse(StrictJsonSchema.For(DesignAgents.OutputType(role)!));

        Assert.Null(StrictSchemaCheck.Problem(schema));
    }

    [Fact]
    public void Nullable_properties_are_typed_as_their_type_or_null_and_still_required()
    {
        var schema = JsonNode.Parse(StrictJsonSchema.For(typeof(Contracts.Reports.ReliabilityReport)))!;

        var rto = schema["properties"]!["disasterRecoveryRtoHours"]!;
        Assert.Equal("""["number","null"]""", rto["type"]!.ToJsonString());
        Assert.Contains("disasterRecoveryRtoHours", schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("integer", schema["properties"]!["regions"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Enumerations_use_their_snake_case_wire_names()
    {
        var schema = JsonNode.Parse(StrictJsonSchema.For(typeof(CostAnalysisDraft)))!;

        var tier = schema["properties"]!["services"]!["items"]!["properties"]!["tier"]!;
        Assert.Equal(["cost_optimized", "balanced", "performance_optimized"],
            tier["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":[]}""", "additionalProperties")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":[],"additionalProperties":false}""",
        "Missing 'a'")]
    [InlineData("""
        {"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}},"required":["b"]}},
         "required":["a"],"additionalProperties":false}
        """, "properties.a.")]
    [InlineData("""
        {"type":"object","properties":{"a":{"type":"string","minLength":2}},"required":["a"],
         "additionalProperties":false}
        """, "minLength")]
    [InlineData("""{"type":"array","items":{"type":"string"}}""", "root schema must be an object")]
    public void The_test_server_refuses_schemas_that_break_strict_mode(string schema, string expected)
    {
        var problem = StrictSchemaCheck.Problem(JsonNode.Parse(schema));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
