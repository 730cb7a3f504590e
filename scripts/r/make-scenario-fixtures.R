# Reference quantiles for the scenario engine's distributions, from R's q-functions.
# Run from the repository root:  Rscript scripts/r/make-scenario-fixtures.R
# Writes test/scenario/fixtures/r-quantiles.json: one entry per case with the R call quoted.
ps <- c(0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999)
cases <- list()
add <- function(family, params, call, values, p = ps) {
  cases[[length(cases) + 1]] <<- list(family = family, params = params, call = call, p = p, q = values)
}
# Discrete cases avoid p exactly on a cumulative probability (0.9 = 0.6 + 0.3 is not exact in binary).
pd <- c(0.001, 0.3, 0.59, 0.61, 0.89, 0.91, 0.999)
add("normal", list(mean = 130, sd = 10), "qnorm(p, 130, 10)", qnorm(ps, 130, 10))
# Truncated normal on [min, max]: qnorm(pnorm(a) + p * (pnorm(b) - pnorm(a))), written out.
tn <- function(p, m, s, a, b) m + s * qnorm(pnorm((a - m) / s) + p * (pnorm((b - m) / s) - pnorm((a - m) / s)))
add("truncnormal", list(mean = 100, sd = 20, min = 90, max = 150), "100 + 20 * qnorm(pnorm(-0.5) + p * (pnorm(2.5) - pnorm(-0.5)))", tn(ps, 100, 20, 90, 150))
s2 <- log(1 + (12000 / 50000)^2)
add("lognormal", list(mean = 50000, sd = 12000), "qlnorm(p, log(50000) - s2/2, sqrt(s2)), s2 = log(1 + (12000/50000)^2)", qlnorm(ps, log(50000) - s2 / 2, sqrt(s2)))
add("lognormal2", list(mu = 1, sigma = 0.5), "qlnorm(p, 1, 0.5)", qlnorm(ps, 1, 0.5))
add("uniform", list(min = 0.01, max = 0.06), "qunif(p, 0.01, 0.06)", qunif(ps, 0.01, 0.06))
qtri <- function(p, a, c, b) ifelse(p < (c - a) / (b - a), a + sqrt(p * (b - a) * (c - a)), b - sqrt((1 - p) * (b - a) * (b - c)))
add("triangular", list(min = 40, mode = 55, max = 75), "closed form: a + sqrt(p (b-a)(c-a)) below the mode, b - sqrt((1-p)(b-a)(b-c)) above", qtri(ps, 40, 55, 75))
add("pert", list(min = 500000, mode = 800000, max = 1500000), "500000 + 1e6 * qbeta(p, 2.2, 3.8)", 500000 + 1e6 * qbeta(ps, 2.2, 3.8))
add("pert", list(min = 0, mode = 9, max = 10, shape = 6), "10 * qbeta(p, 6.4, 1.6)", 10 * qbeta(ps, 6.4, 1.6))
add("beta", list(alpha = 0.5, beta = 0.5), "qbeta(p, 0.5, 0.5)", qbeta(ps, 0.5, 0.5))
add("beta", list(alpha = 2, beta = 5, min = 10, max = 20), "10 + 10 * qbeta(p, 2, 5)", 10 + 10 * qbeta(ps, 2, 5))
add("gamma", list(shape = 2, scale = 3), "qgamma(p, shape = 2, scale = 3)", qgamma(ps, shape = 2, scale = 3))
add("gamma", list(shape = 0.3, scale = 1), "qgamma(p, shape = 0.3)", qgamma(ps, shape = 0.3))
add("gamma", list(shape = 50, scale = 0.1), "qgamma(p, shape = 50, scale = 0.1)", qgamma(ps, shape = 50, scale = 0.1))
add("student", list(df = 5), "qt(p, 5)", qt(ps, 5))
add("student", list(df = 1), "qt(p, 1)", qt(ps, 1))
add("student", list(df = 30, location = 10, scale = 2), "10 + 2 * qt(p, 30)", 10 + 2 * qt(ps, 30))
add("discrete", list(values = c(0, 250000, 1000000), probabilities = c(0.6, 0.3, 0.1)), "c(0, 250000, 1e6)[findInterval(p, cumsum(c(0.6, 0.3, 0.1)), left.open = TRUE) + 1]",
    c(0, 250000, 1000000)[findInterval(pd, cumsum(c(0.6, 0.3, 0.1)), left.open = TRUE) + 1], pd)
add("bernoulli", list(p = 0.3), "qbinom(p, 1, 0.3)", qbinom(pd, 1, 0.3), pd)
add("poisson", list(lambda = 4), "qpois(p, 4)", qpois(ps, 4))
add("poisson", list(lambda = 250), "qpois(p, 250)", qpois(ps, 250))
add("negbinomial", list(size = 3, prob = 0.4), "qnbinom(p, 3, 0.4)", qnbinom(pd, 3, 0.4), pd)
add("negbinomial", list(size = 16.5, prob = 0.8), "qnbinom(p, 16.5, 0.8)", qnbinom(pd, 16.5, 0.8), pd)
json_num <- function(x) sprintf("%.17g", x)
entry <- function(e) {
  params <- paste(sprintf('"%s": %s', names(e$params), sapply(e$params, function(v) if (length(v) > 1) paste0("[", paste(json_num(v), collapse = ", "), "]") else json_num(v))), collapse = ", ")
  sprintf('    {"family": "%s", "params": {%s}, "call": "%s", "p": [%s], "q": [%s]}', e$family, params, e$call, paste(json_num(e$p), collapse = ", "), paste(json_num(e$q), collapse = ", "))
}
out <- c("{", sprintf('  "generated": "%s",', R.version.string), '  "cases": [', paste(sapply(cases, entry), collapse = ",\n"), "  ]", "}")
writeLines(out, "test/scenario/fixtures/r-quantiles.json")
