#!/usr/bin/env Rscript
# Writes the R reference fixtures for src/forecast/ to test/fixtures/forecast/.
# Dev-time only (R is never a runtime dependency). Run from the repository root:
#   Rscript scripts/r/make-forecast-fixtures.R
# Made with R 4.2 and forecast 8.20 (Debian r-cran-forecast), jsonlite.
#
# For every series and ETS model class R allows, the fixture holds the R call, the estimated
# parameters and full initial state (fit$par, fit$initstate, with the implied last seasonal state),
# logLik, AIC/AICc/BIC, sigma2, and forecast(fit, h, level = c(80, 95)). Tests evaluate our ETS with
# R's parameters and initial state (identical method: 1e-6 relative) and check that our own
# maximum-likelihood fit reaches at least R's log-likelihood. snaive(), ses(), holt(), hw() outputs
# are stored too.
suppressMessages({ library(forecast); library(jsonlite) })

out_dir <- "test/fixtures/forecast"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

series <- list(
  usaccdeaths = USAccDeaths,                 # monthly, 72 obs, seasonal
  ldeaths = ldeaths,                         # monthly, 72 obs, seasonal
  nottem = nottem,                           # monthly temperatures, 240 obs, strongly seasonal
  airpassengers = AirPassengers,             # monthly, 144 obs, multiplicative seasonality
  nile = Nile,                               # annual, 100 obs, non-seasonal
  short = ts(head(as.numeric(USAccDeaths), 30), frequency = 12)  # 2.5 seasons: Fourier start
)

models <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA",
            "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM")

fc_list <- function(fc) {
  list(mean = as.numeric(fc$mean),
       lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
       lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
}

for (name in names(series)) {
  y <- series[[name]]
  h <- 2 * max(frequency(y), 6)
  fits <- list()
  for (code in models) {
    seasonal <- substr(code, nchar(code), nchar(code)) != "N"
    if (seasonal && frequency(y) == 1) next
    damped <- grepl("d", code)
    ets_code <- sub("d", "", code)
    call <- sprintf('ets(y, model = "%s", damped = %s)', ets_code, if (damped) "TRUE" else "FALSE")
    fit <- tryCatch(ets(y, model = ets_code, damped = damped), error = function(e) NULL)
    if (is.null(fit)) next
    m <- frequency(y)
    init <- as.numeric(fit$initstate)
    # fit$initstate holds m - 1 seasonal states; append the implied last one as ets() does.
    if (seasonal && length(init) < 1 + (substr(code, 2, 2) == "A") + m) {
      s <- init[(2 + (substr(code, 2, 2) == "A")):length(init)]
      init <- c(init, (if (substr(ets_code, 3, 3) == "M") m else 0) - sum(s))
    }
    par <- fit$par
    fits[[code]] <- list(
      call = call,
      alpha = unname(par["alpha"]),
      beta = if ("beta" %in% names(par)) unname(par["beta"]) else 0,
      gamma = if ("gamma" %in% names(par)) unname(par["gamma"]) else 0,
      phi = if ("phi" %in% names(par)) unname(par["phi"]) else 1,
      initstate = I(init),
      loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
      sigma2 = fit$sigma2, mse = fit$mse,
      forecast = fc_list(forecast(fit, h = h, level = c(80, 95)))
    )
  }
  m <- frequency(y)
  out <- list(
    name = name, frequency = m, horizon = h, values = as.numeric(y),
    ets = fits,
    snaive = c(list(call = "snaive(y, h, level = c(80, 95))"), fc_list(snaive(y, h = h, level = c(80, 95)))),
    ses = c(list(call = "ses(y, h, level = c(80, 95))"), fc_list(ses(y, h = h, level = c(80, 95)))),
    holt = c(list(call = "holt(y, h, level = c(80, 95))"), fc_list(holt(y, h = h, level = c(80, 95)))),
    thetaf = c(list(call = "thetaf(y, h, level = c(80, 95))"), fc_list(thetaf(y, h = h, level = c(80, 95)))),
    auto = {
      fit <- ets(y)
      c(list(call = "ets(y)", model = sub("[(]", "", sub("[)]", "", gsub(",", "", sub("ETS", "", fit$method)))),
             aicc = fit$aicc, loglik = fit$loglik),
        fc_list(forecast(fit, h = h, level = c(80, 95))))
    }
  )
  if (m > 1) {
    out$hw <- c(list(call = 'hw(y, h, seasonal = "additive", level = c(80, 95))'),
                fc_list(hw(y, h = h, seasonal = "additive", level = c(80, 95))))
  }
  write_json(out, file.path(out_dir, paste0(name, ".json")), digits = NA, auto_unbox = TRUE, pretty = FALSE)
  cat("wrote", name, "with", length(fits), "ETS fits\n")
}
