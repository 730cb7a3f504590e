# Reference values for src/stats from R: the normal distribution (tails included), the gamma
# functions, type-7 quantiles, medians and MADs. Run from the repository root:
#   Rscript scripts/r/make-stats-fixtures.R
# Writes test/stats/fixtures/r-stats.json; every entry quotes the R call that produced it.
num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
str <- function(x) paste0('"', gsub('"', '\\\\"', x), '"')
entries <- character()
add <- function(name, call, ...) {
  fields <- list(...)
  body <- paste(sprintf('"%s": %s', names(fields), unlist(fields)), collapse = ", ")
  entries <<- c(entries, sprintf('  "%s": {"call": %s, %s}', name, str(call), body))
}
p <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.425, 0.5,
       0.6, 0.75, 0.9, 0.925, 0.95, 0.975, 0.99, 0.999, 1 - 1e-5, 1 - 1e-10, 1 - 1e-15)
add("qnorm", "qnorm(p)", p = num(p), value = num(qnorm(p)))
z <- c(-37.5, -30, -20, -10, -8, -6, -5, -4, -3, -2.5, -1.959963984540054, -1.5, -1, -0.5, -0.1, 0, 0.1, 0.5, 1,
       1.5, 1.959963984540054, 2.5, 3, 4, 5, 6, 8, 10)
add("pnorm", "pnorm(z)", z = num(z), value = num(pnorm(z)))
add("pnormUpper", "pnorm(z, lower.tail = FALSE)", z = num(z), value = num(pnorm(z, lower.tail = FALSE)))
add("dnorm", "dnorm(z)", z = num(z), value = num(dnorm(z)))
a <- c(0.3, 0.5, 1, 2, 7.5, 50)
x <- c(0.01, 0.5, 1, 2, 10, 60)
add("pgamma", "pgamma(x, a) over the grid a x x (a outer)", a = num(rep(a, each = length(x))), x = num(rep(x, length(a))),
    value = num(pgamma(rep(x, length(a)), rep(a, each = length(x)))))
add("pgammaUpper", "pgamma(x, a, lower.tail = FALSE) over the same grid", a = num(rep(a, each = length(x))),
    x = num(rep(x, length(a))), value = num(pgamma(rep(x, length(a)), rep(a, each = length(x)), lower.tail = FALSE)))
pq <- c(0.001, 0.05, 0.5, 0.95, 0.999)
add("qgamma", "qgamma(p, a) over the grid a x p (a outer)", a = num(rep(a, each = length(pq))), p = num(rep(pq, length(a))),
    value = num(qgamma(rep(pq, length(a)), rep(a, each = length(pq)))))
add("lgamma", "lgamma(a)", a = num(c(a, 0.001, 171.5, 1e5)), value = num(lgamma(c(a, 0.001, 171.5, 1e5))))
set.seed(2026)
samples <- list(
  ties = c(3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20),
  normal101 = round(rnorm(101, 1000, 250), 3),
  skewed57 = round(rlnorm(57, 0, 1.5), 6),
  two = c(-1e6, 2e6),
  one = 42
)
probs <- c(0, 0.01, 0.05, 0.1, 0.25, 1/3, 0.5, 0.75, 0.9, 0.95, 0.99, 1)
for (name in names(samples)) {
  s <- samples[[name]]
  add(paste0("sample.", name), sprintf("quantile(s, probs, type = 7); median(s); mad(s) with s = the %s sample", name),
      x = num(s), probs = num(probs), quantile = num(unname(quantile(s, probs, type = 7))),
      median = num(median(s)), mad = num(mad(s)))
}
writeLines(c("{", sprintf('  "generated": %s,', str(R.version.string)), paste(entries, collapse = ",\n"), "}"),
           "test/stats/fixtures/r-stats.json")
