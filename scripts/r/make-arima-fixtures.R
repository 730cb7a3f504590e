#!/usr/bin/env Rscript
# Writes the R reference fixtures for the ARIMA engine (src/forecast/arima-*.ts) to
# test/fixtures/forecast/arima/fixed-orders.json. Dev-time only (R is never a runtime dependency).
# Run from the repository root:
#   Rscript scripts/r/make-arima-fixtures.R
# Made with R 4.2 and forecast 8.20 (Debian r-cran-forecast), jsonlite.
#
# For each series and order: forecast::Arima(y, order, seasonal, include.mean / include.drift)
# (method "CSS-ML", R's defaults), its coefficients, log-likelihood, AIC/AICc/BIC, sigma2, the
# standard errors of the coefficients, the standardised residuals, and forecast(fit, h, level =
# c(80, 95)). Tests fit the same order with our engine and compare; they also run our filter and
# forecast with R's coefficients.
suppressMessages({ library(forecast); library(jsonlite) })

out_dir <- "test/fixtures/forecast/arima"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

fc_list <- function(fc) {
  list(mean = as.numeric(fc$mean),
       lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
       lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
}

cases <- list(
  list(name = "usaccdeaths-011-011", y = USAccDeaths, order = c(0, 1, 1), seasonal = c(0, 1, 1)),
  list(name = "log-airpassengers-011-011", y = log(AirPassengers), order = c(0, 1, 1), seasonal = c(0, 1, 1)),
  list(name = "airpassengers-210-010", y = AirPassengers, order = c(2, 1, 0), seasonal = c(0, 1, 0)),
  list(name = "nile-101-mean", y = Nile, order = c(1, 0, 1), seasonal = c(0, 0, 0), mean = TRUE),
  list(name = "lh-100-mean", y = lh, order = c(1, 0, 0), seasonal = c(0, 0, 0), mean = TRUE),
  list(name = "lh-300-mean", y = lh, order = c(3, 0, 0), seasonal = c(0, 0, 0), mean = TRUE),
  list(name = "wwwusage-111-drift", y = WWWusage, order = c(1, 1, 1), seasonal = c(0, 0, 0), drift = TRUE),
  list(name = "wwwusage-310", y = WWWusage, order = c(3, 1, 0), seasonal = c(0, 0, 0)),
  list(name = "lakehuron-200-mean", y = LakeHuron, order = c(2, 0, 0), seasonal = c(0, 0, 0), mean = TRUE),
  list(name = "lynx-202-mean", y = log(lynx), order = c(2, 0, 2), seasonal = c(0, 0, 0), mean = TRUE),
  list(name = "ldeaths-101-110-drift", y = ldeaths, order = c(1, 0, 1), seasonal = c(1, 1, 0), drift = TRUE),
  list(name = "nottem-100-200-mean", y = nottem, order = c(1, 0, 0), seasonal = c(2, 0, 0), mean = TRUE),
  list(name = "nottem-101-011", y = nottem, order = c(1, 0, 1), seasonal = c(0, 1, 1)),
  list(name = "ukgas-log-110-011", y = log(UKgas), order = c(1, 1, 0), seasonal = c(0, 1, 1)),
  list(name = "austres-211-drift", y = austres, order = c(2, 1, 1), seasonal = c(0, 0, 0), drift = TRUE),
  list(name = "usaccdeaths-212-111", y = USAccDeaths, order = c(2, 1, 2), seasonal = c(1, 1, 1)),
  list(name = "sunspot-203-mean", y = sunspot.year, order = c(2, 0, 3), seasonal = c(0, 0, 0), mean = TRUE),
  list(name = "uspop-022", y = uspop, order = c(0, 2, 2), seasonal = c(0, 0, 0)),
  list(name = "jj-log-012-011", y = log(JohnsonJohnson), order = c(0, 1, 2), seasonal = c(0, 1, 1))
)

out <- lapply(cases, function(cs) {
  y <- cs$y
  inc_mean <- isTRUE(cs$mean)
  inc_drift <- isTRUE(cs$drift)
  fit <- Arima(y, order = cs$order, seasonal = cs$seasonal, include.mean = inc_mean, include.drift = inc_drift)
  m <- frequency(y)
  h <- if (m > 1) 2 * m else 10
  call <- sprintf("Arima(y, order = c(%s), seasonal = c(%s), include.mean = %s, include.drift = %s)",
                  paste(cs$order, collapse = ", "), paste(cs$seasonal, collapse = ", "), inc_mean, inc_drift)
  list(
    name = cs$name, call = call, frequency = m, horizon = h, values = as.numeric(y),
    order = cs$order, seasonal = cs$seasonal,
    regressor = if (inc_drift) "drift" else if (inc_mean && cs$order[2] + cs$seasonal[2] == 0) "mean" else "none",
    coef = unname(as.numeric(fit$coef)), coefNames = names(fit$coef),
    se = unname(sqrt(diag(fit$var.coef))),
    loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic, sigma2 = fit$sigma2,
    residuals = as.numeric(residuals(fit)),
    forecast = fc_list(forecast(fit, h = h, level = c(80, 95)))
  )
})
write_json(out, file.path(out_dir, "fixed-orders.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("wrote", length(out), "fixed-order fits\n")

# ---- Building blocks: test/fixtures/forecast/arima/building-blocks.json --------------------------
# optim(method = "BFGS") without a gradient on Rosenbrock's function (R's ?optim example), with and
# without parscale, and optimHess at the solution.
fr <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
bfgs <- lapply(list(list(parscale = c(1, 1)), list(parscale = c(2, 0.5))), function(ctl) {
  res <- optim(c(-1.2, 1), fr, method = "BFGS", control = list(parscale = ctl$parscale))
  list(call = sprintf("optim(c(-1.2, 1), fr, method = \"BFGS\", control = list(parscale = c(%s)))",
                      paste(ctl$parscale, collapse = ", ")),
       parscale = ctl$parscale, par = res$par, value = res$value,
       counts = unname(res$counts), convergence = res$convergence,
       hessian = as.numeric(optimHess(res$par, fr, control = list(parscale = ctl$parscale))))
})

# Stationary state covariance of R's state-space form (makeARIMA(...)$Pn, Gardner et al.'s getQ0).
q0 <- lapply(list(
  list(phi = 0.5, theta = numeric()), list(phi = c(0.5, -0.3), theta = 0.4),
  list(phi = numeric(), theta = c(0.6, -0.2, 0.1)), list(phi = c(1.2, -0.5, 0.1), theta = c(-0.3, 0.2)),
  list(phi = c(0.3, rep(0, 10), 0.6, -0.18), theta = c(-0.4, rep(0, 10), -0.5, 0.2))
), function(mdl) {
  mod <- makeARIMA(mdl$phi, mdl$theta, numeric())
  r <- max(length(mdl$phi), length(mdl$theta) + 1)
  list(phi = mdl$phi, theta = mdl$theta, r = r, Q0 = as.numeric(mod$Pn[1:r, 1:r]),
       gamma = as.numeric(ARMAacf(mdl$phi, mdl$theta, lag.max = r + 2) *
                            (if (r > 1) mod$Pn[1, 1] else mod$Pn[1, 1])),
       psi = c(1, ARMAtoMA(mdl$phi, mdl$theta, r + 2)))
})

# Seasonal expansion of the coefficients (R's ARIMA_transPars, with and without the AR transform).
arma <- as.integer(c(2, 1, 1, 1, 4, 0, 0))
par <- c(0.4, -0.2, 0.3, 0.5, -0.6)
trans <- lapply(c(FALSE, TRUE), function(tr) {
  r <- .Call(stats:::C_ARIMA_transPars, par, arma, tr)
  list(transform = tr, phi = r[[1]], theta = r[[2]])
})

# CSS fits (arima(method = "CSS")), the approximation auto.arima uses on long series.
css <- lapply(list(
  list(name = "usaccdeaths-011-011", y = USAccDeaths, order = c(0, 1, 1), seasonal = c(0, 1, 1), mean = FALSE),
  list(name = "lh-101", y = lh, order = c(1, 0, 1), seasonal = c(0, 0, 0), mean = TRUE),
  list(name = "nottem-100-100", y = nottem, order = c(1, 0, 0), seasonal = c(1, 1, 0), mean = FALSE)
), function(cs) {
  fit <- arima(cs$y, order = cs$order, seasonal = cs$seasonal, include.mean = cs$mean, method = "CSS")
  list(name = cs$name, frequency = frequency(cs$y), values = as.numeric(cs$y), order = cs$order,
       seasonal = cs$seasonal, regressor = if (cs$mean) "mean" else "none",
       coef = unname(fit$coef), sigma2 = fit$sigma2, loglik = fit$loglik)
})

# Differencing decisions: KPSS statistic (urca, lags trunc(3 sqrt(n) / 13)), ndiffs, STL (s.window 11)
# and forecast's seasonal strength with nsdiffs.
diffs <- lapply(list(
  list(name = "usaccdeaths", y = USAccDeaths), list(name = "airpassengers", y = AirPassengers),
  list(name = "nottem", y = nottem), list(name = "jj", y = JohnsonJohnson), list(name = "ukgas", y = UKgas),
  list(name = "nile", y = Nile), list(name = "wwwusage", y = WWWusage), list(name = "uspop", y = uspop),
  list(name = "usaccdeaths-30", y = ts(head(as.numeric(USAccDeaths), 30), frequency = 12))
), function(cs) {
  y <- cs$y
  m <- frequency(y)
  out <- list(name = cs$name, frequency = m, values = as.numeric(y),
              kpss = urca::ur.kpss(y, type = "mu", use.lag = trunc(3 * sqrt(length(y)) / 13))@teststat,
              ndiffs = ndiffs(y))
  if (m > 1) {
    st <- stl(y, s.window = 11)
    out$stlSeasonal <- as.numeric(st$time.series[, "seasonal"])
    out$stlTrend <- as.numeric(st$time.series[, "trend"])
    out$strength <- forecast:::seas.heuristic(y)
    out$nsdiffs <- nsdiffs(y)
  }
  out
})

roots <- lapply(list(c(2, -3, 1), c(1, 0, 1), c(1, -0.5, 0.3, -0.1), c(1, rep(0, 11), -0.6)),
                function(cf) { r <- polyroot(cf); list(coef = cf, re = Re(r), im = Im(r)) })

write_json(list(bfgs = bfgs, q0 = q0, transPars = list(arma = arma, par = par, results = trans),
                css = css, differencing = diffs, polyroot = roots),
           file.path(out_dir, "building-blocks.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("wrote building blocks\n")
