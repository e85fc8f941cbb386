import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { ActivationAnswers } from './activation-answers';
import { ActivationController } from './activation.controller';
import { ActivationPages } from './pages/activation-pages';
import { ShowActivationFormUseCase } from './show-activation-form.usecase';
import { SubmitActivationFormUseCase } from './submit-activation-form.usecase';

@Module({
  controllers: [ActivationController],
  providers: [ActivationPages, ActivationAnswers, ShowActivationFormUseCase, SubmitActivationFormUseCase],
})
export class ActivationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only these pages read a cookie (the CSRF one); the JSON API authenticates by bearer token.
    consumer.apply(cookieParser()).forRoutes(ActivationController);
  }
}
