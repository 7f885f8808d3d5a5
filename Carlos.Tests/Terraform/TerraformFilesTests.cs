using Carlos.Contracts.Reports;

namespace Carlos.Tests.Terraform;

public sealed class TerraformFilesTests
{
    [Fact]
    public void The_joined_text_splits_into_the_three_known_files_and_joins_back()
    {
        var joined = "# ===== main.tf =====\na = 1\n# ===== variables.tf =====\nvariable \"v\" {}\n"
            + "# ===== outputs.tf =====\noutput \"o\" {\n  value = 1\n}\n";

        var files = TerraformFiles.Split(joined);

        Assert.Equal(["main.tf", "variables.tf", "outputs.tf"], files.Select(f => f.Name));
        Assert.Equal("a = 1\n", files[0].Text);
        Assert.Equal(joined, TerraformFiles.Join(files));
    }

    [Fact]
    public void Text_under_an_unknown_marker_stays_in_main_tf_so_a_file_name_never_comes_from_the_text()
    {
        var files = TerraformFiles.Split("a = 1\n# ===== ../../etc/cron.d/evil =====\nb = 2\n# ===== variables.tf =====\n");

        Assert.Equal(["main.tf", "variables.tf", "outputs.tf"], files.Select(f => f.Name));
        Assert.Equal("a = 1\nb = 2\n", files[0].Text);
    }
}
